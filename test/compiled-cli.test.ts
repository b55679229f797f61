import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
// @ts-expect-error: a plain JavaScript module next to the entry, without typings
import { compiledCli } from '../bin/precompiled.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });

test('the CLI starts from its bundle, and the bundle writes what the sources write', async () => {
  const entry = (await compiledCli(ROOT)) as string | undefined;
  assert.ok(entry && existsSync(entry), 'the bundle was built (a failure would silently fall back to the .ts files)');
  // The bundle holds the libraries: a start must not import remark or the generator's sources one by one.
  assert.doesNotMatch(readFileSync(entry, 'utf8'), /from ["'](?:\.\.\/)+generator\/|from ["']remark-/);
  for (const args of [['runbook', '--from', 'kilo', '--to', 'newton'], ['runbook', '--from', 'queens', '--to', 'train', '--format', 'json', '--utility', 'container'], ['path', '--from', 'juno', '--to', 'gazpacho', '--fewest-stops']]) {
    const bundled = run(['bin/leapfrog.js', ...args]);
    const sources = run(['generator/cli/main.ts', ...args]);
    assert.equal(bundled.status, 0, bundled.stderr);
    assert.equal(bundled.stdout, sources.stdout, args.join(' '));
  }
  const wrong = run(['bin/leapfrog.js', 'runbook', '--from', 'newton', '--to', 'kilo']);
  assert.equal(wrong.status, 2);
  assert.equal(wrong.stderr, run(['generator/cli/main.ts', 'runbook', '--from', 'newton', '--to', 'kilo']).stderr);
});
