import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
// @ts-expect-error: a plain JavaScript module next to the entry, without typings
import { compiledCli } from '../bin/precompiled.js';
import { syntheticContent } from './support/synthetic-content.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });

test('the CLI starts from its bundle, and the bundle writes what the sources write', async () => {
  const entry = (await compiledCli(ROOT)) as string | undefined;
  assert.ok(entry && existsSync(entry), 'the bundle was built (a failure would silently fall back to the .ts files)');
  // The bundle holds the libraries: a start must not import remark or the generator's sources one by one.
  assert.doesNotMatch(readFileSync(entry, 'utf8'), /from ["'](?:\.\.\/)+generator\/|from ["']remark-/);
  for (const args of [
    ['runbook', '--from', 'kilo', '--to', 'newton'],
    ['runbook', '--from', 'queens', '--to', 'train', '--format', 'json', '--utility', 'container'],
    ['path', '--from', 'juno', '--to', 'gazpacho', '--fewest-stops'],
  ]) {
    const bundled = run(['bin/leapfrog.js', ...args]);
    const sources = run(['generator/cli/main.ts', ...args]);
    assert.equal(bundled.status, 0, bundled.stderr);
    assert.equal(bundled.stdout, sources.stdout, args.join(' '));
  }
  // Content without a snapshot yet: the bundle loads YAML and zod lazily (its own chunk).
  const fresh = syntheticContent({ series: ['a', 'b', 'c'] });
  const fromYaml = run(['bin/leapfrog.js', 'runbook', '--from', 'a', '--to', 'c', '--content', fresh]);
  assert.equal(fromYaml.status, 0, fromYaml.stderr);
  assert.equal(fromYaml.stdout, run(['generator/cli/main.ts', 'runbook', '--from', 'a', '--to', 'c', '--content', fresh]).stdout);
  const broken = syntheticContent({ series: ['a', 'b'] });
  writeFileSync(join(broken, 'series', 'a', 'series.yaml'), 'id: a\nname: [\n');
  const invalid = run(['bin/leapfrog.js', 'runbook', '--from', 'a', '--to', 'b', '--content', broken]);
  assert.equal(invalid.status, 1, invalid.stderr);
  assert.match(invalid.stderr, /series\.yaml:\d+:\d+/);
  const wrong = run(['bin/leapfrog.js', 'runbook', '--from', 'newton', '--to', 'kilo']);
  assert.equal(wrong.status, 2);
  assert.equal(wrong.stderr, run(['generator/cli/main.ts', 'runbook', '--from', 'newton', '--to', 'kilo']).stderr);
});
