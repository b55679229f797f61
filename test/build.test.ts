import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { syntheticContent } from './support/synthetic-content.ts';

const BUILD = fileURLToPath(new URL('../generator/cli/build.ts', import.meta.url));
const build = (out: string, content: string) => spawnSync(process.execPath, [BUILD, out, content], { encoding: 'utf8' });

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

test('two builds of the same content are byte-identical', () => {
  const content = syntheticContent({ series: ['a', 'b', 'c', 'd'], slurp: ['c'] });
  const root = mkdtempSync(join(tmpdir(), 'leapfrog-build-'));
  assert.equal(build(join(root, 'one'), content).status, 0);
  assert.equal(build(join(root, 'two'), content).status, 0);
  const one = snapshot(join(root, 'one'));
  assert.equal(one.size, 12); // 6 pairs, Markdown and JSON each
  assert.deepEqual(snapshot(join(root, 'two')), one);
});

test('invalid content fails the build with the report and leaves the previous output untouched', () => {
  const content = syntheticContent({ series: ['a', 'b', 'c'] });
  const out = join(mkdtempSync(join(tmpdir(), 'leapfrog-build-')), 'runbooks');
  assert.equal(build(out, content).status, 0);
  const before = snapshot(out);
  writeFileSync(join(content, 'series', 'b', 'alpha.yaml'), 'service: alpha\nseries: b\nsteps: nope\n');
  const failed = build(out, content);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /series\/b\/alpha\.yaml:3:8: `steps`: expected a list, found "nope" \[wrong-type\]/);
  assert.match(failed.stderr, /problems? found\n$/);
  assert.deepEqual(snapshot(out), before);
  assert.deepEqual(readdirSync(join(out, '..')), ['runbooks'], 'no temporary folder left behind');
});
