import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { syntheticContent } from '../support/synthetic-content.ts';
import { buildSite, treeHashes } from './support/build-site.ts';

const SRC = 'https://opendev.org/openstack/example/src/tag/1.0.0/README.rst';
const content = syntheticContent({
  series: ['a', 'b', 'c'],
  releases: {
    'c/alpha': {
      notes: [{ text: 'Keep a < b & c > d; set `[api]/enabled=<bool>` in nova.conf.', action: true, sources: [SRC] }],
    },
  },
});

test('two builds of the same content are byte-identical, search index included', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leapfrog-site-'));
  const first = buildSite(join(dir, 'one'), content);
  assert.equal(first.code, 0, first.stderr);
  const second = buildSite(join(dir, 'two'), content);
  assert.equal(second.code, 0, second.stderr);
  const a = treeHashes(join(dir, 'one'));
  const b = treeHashes(join(dir, 'two'));
  assert.ok(a.has('runbooks/a/c/index.html') && a.has('series/c/index.html') && a.has('services/alpha/index.html') && a.has('index.html'));
  assert.ok(
    [...a.keys()].some((k) => k.startsWith('pagefind/')),
    'search index written',
  );
  assert.deepEqual([...a.entries()], [...b.entries()]);
  assert.deepEqual(readdirSync(dir).sort(), ['one', 'two'], 'no temp folders left behind');

  // Content text is never HTML; `code spans` become <code>.
  const series = readFileSync(join(dir, 'one', 'series/c/index.html'), 'utf8');
  assert.match(series, /Keep a &lt; b &amp; c (&gt;|>) d; set <code>\[api\]\/enabled=&lt;bool(&gt;|>)<\/code> in nova\.conf\./);
  const runbook = readFileSync(join(dir, 'one', 'runbooks/a/c/index.html'), 'utf8');
  assert.doesNotMatch(runbook, /<bool>/);
  const complete = readFileSync(join(dir, 'one', 'runbooks/a/c/all/index.html'), 'utf8');
  assert.match(
    complete,
    /Keep a &lt; b &amp; c (&gt;|>) d; set <code>\[api\]\/enabled=&lt;bool(&gt;|>)<\/code> in nova\.conf\./,
    'the note, on the complete page',
  );
  assert.doesNotMatch(runbook, /\b20\d\d-\d\d-\d\dT\d\d:/, 'no build timestamp');
});

test('invalid content fails the build with the validator report and leaves the previous site untouched', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leapfrog-site-'));
  const out = join(dir, 'site');
  const ok = buildSite(out, content);
  assert.equal(ok.code, 0, ok.stderr);
  writeFileSync(join(out, 'marker'), 'previous');
  const broken = resolve(import.meta.dirname, '../fixtures/broken/bad-status/content');
  const r = buildSite(out, broken);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /\.yaml:\d+:\d+: /, 'positioned problems');
  assert.equal(readFileSync(join(out, 'marker'), 'utf8'), 'previous');
  assert.ok(existsSync(join(out, 'index.html')));
  assert.deepEqual(readdirSync(dir), ['site'], 'no temp folder left behind');
});
