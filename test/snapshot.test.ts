import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildRunbook, ContentError, loadContent, renderJson, renderMarkdown } from '../generator/index.ts';
import { readSnapshot, snapshotKey } from '../generator/load/snapshot.ts';
import { CACHE_DIR } from '../generator/paths.ts';
import { syntheticContent } from './support/synthetic-content.ts';

const SRC = 'https://opendev.org/openstack/example/src/tag/1.0.0/README.rst';
const options = {
  series: ['a', 'b', 'c'],
  releases: {
    'b/alpha': { steps: [{ id: 'db-sync', phase: 'schema', title: 'Sync `x` *y*', commands: ['alpha-manage db sync'], notes: ['Note'], sources: [SRC] }] },
  },
};

test('the second load comes from the snapshot and plans and renders exactly as the YAML does', () => {
  const dir = syntheticContent(options);
  const fresh = loadContent(dir);
  const snapshot = readSnapshot(dir);
  assert.ok(snapshot, 'valid content leaves a snapshot');
  for (const content of [fresh, snapshot]) assert.equal(content.series.length, 3);
  const render = (content: typeof fresh) => {
    const runbook = buildRunbook(content, { from: 'a', to: 'c' });
    return renderMarkdown(runbook) + renderJson(runbook);
  };
  assert.equal(render(snapshot), render(fresh));
});

test('an edited content file is read again, and a broken one is reported even after a snapshot was taken', () => {
  const dir = syntheticContent(options);
  loadContent(dir);
  const before = snapshotKey(dir);
  appendFileSync(join(dir, 'services', 'alpha.yaml'), '# a comment changes the key\n');
  assert.notEqual(snapshotKey(dir), before);
  assert.equal(readSnapshot(dir), undefined);
  writeFileSync(join(dir, 'services', 'alpha.yaml'), 'id: alpha\nname: [\n');
  assert.throws(
    () => loadContent(dir),
    (e) => e instanceof ContentError && /alpha\.yaml:\d+:\d+/.test(e.report),
  );
});

test('a same-size edit in the same clock tick still changes the key (the bytes of a fresh file count)', () => {
  const dir = syntheticContent(options);
  const file = join(dir, 'services', 'alpha.yaml');
  const text = readFileSync(file, 'utf8');
  const tick = Math.floor(Date.now() / 1000); // a whole second: utimes sets it exactly
  utimesSync(file, tick, tick);
  loadContent(dir);
  const before = snapshotKey(dir);
  writeFileSync(
    file,
    text.replace(/name: (\w)/, (_, c: string) => `name: ${c === 'X' ? 'Y' : 'X'}`),
  );
  utimesSync(file, tick, tick); // as if the rewrite landed in the same tick
  assert.notEqual(snapshotKey(dir), before);
});

test('a snapshot reads only the series a runbook crosses, and says so when one of its files is gone', () => {
  const dir = syntheticContent({ ...options, series: ['a', 'b', 'c', 'd'] });
  const fresh = loadContent(dir);
  const folder = join(CACHE_DIR, `content-${snapshotKey(dir)}`);
  rmSync(join(folder, 'd.json'));
  const snapshot = readSnapshot(dir, { lazy: true });
  assert.ok(snapshot);
  const render = (content: typeof fresh, to: string) => renderMarkdown(buildRunbook(content, { from: 'a', to }));
  assert.equal(render(snapshot, 'c'), render(fresh, 'c'), 'a → c never reads d');
  assert.throws(() => render(snapshot, 'd'), /content snapshot .* lost d\.json.*run the command again/);
  loadContent(dir); // the next run: YAML again, and a whole snapshot written
  assert.equal(render(readSnapshot(dir, { lazy: true }) ?? fresh, 'd'), render(fresh, 'd'));
  assert.ok(readSnapshot(dir), 'the snapshot was written anew');
});

test('content loaded for a long run holds every series, so a snapshot pruned under it does not matter', () => {
  const dir = syntheticContent({ ...options, series: ['a', 'b', 'c', 'd'] });
  const fresh = loadContent(dir);
  const folder = join(CACHE_DIR, `content-${snapshotKey(dir)}`);
  const held = loadContent(dir); // from the snapshot
  rmSync(folder, { recursive: true }); // another run pruned it, as rehearse saw after 20 minutes
  const render = (content: typeof fresh) => renderMarkdown(buildRunbook(content, { from: 'a', to: 'd' }));
  assert.equal(render(held), render(fresh));
  loadContent(dir); // writes it again
  rmSync(join(folder, 'b.json'));
  assert.equal(render(loadContent(dir)), render(fresh), 'a lost series file means the YAML is read again, not an error');
});
