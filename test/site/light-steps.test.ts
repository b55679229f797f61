/** The runbook page's terse step markup (site/src/lib/light-steps.ts) escapes every content string. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lightSteps, serviceChoices } from '../../site/src/lib/light-steps.ts';
import type { RunbookStep } from '../../site/src/lib/data.ts';

const step = (over: Partial<RunbookStep>): RunbookStep => ({
  id: 'offline.stop.nova',
  title: 'Stop',
  service: 'nova',
  series: null,
  commands: [],
  sources: [],
  notes: [],
  group: 'Stop the services',
  ...over,
});

test('titles, commands and group headings are text; `code` in a title is <code>', () => {
  const html = lightSteps([step({ title: 'Set `a<b>` & <i>go</i>', commands: ['echo "<script>" && a > b'], group: '<h1>x</h1>' })]);
  assert.match(html, /Set <code>a&lt;b&gt;<\/code> &amp; &lt;i&gt;go&lt;\/i&gt;<\/label>/);
  assert.match(html, /<pre>echo &quot;&lt;script&gt;&quot; &amp;&amp; a &gt; b<\/pre>/);
  assert.match(html, /<h3>&lt;h1&gt;x&lt;\/h1&gt;<\/h3>/);
  assert.doesNotMatch(html, /<script>|<i>|<h1>/);
});

test('attributes are unquoted only when HTML allows it', () => {
  assert.match(lightSteps([step({})]), /<li id=offline\.stop\.nova><label><input type=checkbox> Stop<\/label>/);
  assert.match(
    lightSteps([step({ id: 'a b"><x', service: 'x y' })]),
    /<div data-svc="x y"><h3>Stop the services<\/h3><ul class=steps><li id="a b&quot;&gt;&lt;x"><label>/,
  );
  assert.match(
    serviceChoices([{ id: 'nova', name: 'Nova <Compute>' }]),
    /value=nova checked> Nova &lt;Compute&gt;<\/label> <button type=button class=only value=nova aria-label="Only Nova &lt;Compute&gt;">/,
  );
});

test('a step names its service only when its group does not', () => {
  const html = lightSteps([step({ id: 's.a', service: 'nova' }), step({ id: 's.b', service: 'cinder' })]);
  assert.match(html, /^<div data-svc="nova cinder"><h3>Stop the services<\/h3><ul class=steps><li id=s\.a data-svc=nova>/);
  assert.match(lightSteps([step({ id: 's.a' })]), /^<div data-svc=nova><h3>Stop the services<\/h3><ul class=steps><li id=s\.a>/);
});
