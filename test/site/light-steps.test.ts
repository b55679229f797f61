/** The runbook page's terse step markup (site/src/lib/light-steps.ts) escapes every content string. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lightSteps as light, serviceInId } from '../../site/src/lib/light-steps.ts';
import type { RunbookStep } from '../../site/src/lib/data.ts';

const SERVICES = new Set(['nova', 'cinder', 'x y']);
const lightSteps = (steps: RunbookStep[]) => light(steps, SERVICES);
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
});

test('a step names its service only where neither its id nor its group says it', () => {
  // The id names it (s.nova, s.cinder.x): runbook/filter.js reads it from there.
  const html = lightSteps([step({ id: 's.nova', service: 'nova' }), step({ id: 's.cinder.x', service: 'cinder' })]);
  assert.match(html, /^<div data-svc="nova cinder"><h3>Stop the services<\/h3><ul class=steps><li id=s\.nova><label>.*<li id=s\.cinder\.x><label>/);
  // The id names none, or another service: written, also for a step of no service.
  const odd = lightSteps([step({ id: 's.a', service: 'nova' }), step({ id: 's.nova.cinder', service: 'cinder' }), step({ id: 's.cinder', service: null })]);
  assert.match(odd, /<li id=s\.a data-svc=nova>.*<li id=s\.nova\.cinder data-svc=cinder>.*<li id=s\.cinder data-svc="">/);
  // Its group is that one service: the group hides it.
  assert.match(lightSteps([step({ id: 's.a' })]), /^<div data-svc=nova><h3>Stop the services<\/h3><ul class=steps><li id=s\.a>/);
});

test("a step id names a service when exactly one of its parts is one of the page's", () => {
  assert.equal(serviceInId('offline.stop.nova', SERVICES), 'nova');
  assert.equal(serviceInId('prepare.kilo.cinder.db-version', SERVICES), 'cinder');
  assert.equal(serviceInId('offline.stop.web-server', SERVICES), null);
  assert.equal(serviceInId('nova.cinder', SERVICES), null, 'two: none');
  assert.equal(serviceInId('novanet.x', SERVICES), null, 'whole parts only');
});
