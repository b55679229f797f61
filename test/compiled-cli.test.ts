import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
// @ts-expect-error: a plain JavaScript module next to the entry, without typings
import { compiledCli } from '../bin/precompiled.js';
import { syntheticContent } from './support/synthetic-content.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = 'https://opendev.org/openstack/alpha/src/tag/1.0.0/x';
const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });

test('the CLI starts from its bundle, and the bundle writes what the sources write', async () => {
  const entry = (await compiledCli(ROOT)) as string | undefined;
  assert.ok(entry && existsSync(entry), 'the bundle was built (a failure would silently fall back to the .ts files)');
  // The bundle holds the libraries: a start must not import remark or the generator's sources one by one.
  assert.doesNotMatch(readFileSync(entry, 'utf8'), /from ["'](?:\.\.\/)+generator\/|from ["']remark-/);
  // What a runbook start evaluates: the entry and the chunks it imports statically. remark (for
  // the few lines plain-line.ts leaves to it, and community notes), YAML and zod load lazily.
  const eager = staticGraph(entry);
  for (const library of ['remark-stringify', 'remark-parse', 'mdast-util-to-markdown', 'micromark', 'yaml', 'zod']) {
    assert.ok(!eager.some((file) => readFileSync(file, 'utf8').includes(`node_modules/${library}/`)), `${library} is not loaded at start`);
  }
  for (const args of [
    ['runbook', '--from', 'kilo', '--to', 'newton'],
    // Three of its lines hold `#` or `|`: remark-stringify writes them, loaded from the bundle on demand.
    ['runbook', '--from', 'juno', '--to', 'gazpacho'],
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
  // A community note: remark-parse, loaded from the bundle on demand.
  writeFileSync(join(fresh, 'series', 'b', 'alpha.md'), `---\nservice: alpha\nseries: b\ntitle: Notes\nauthors: [ops]\nsources: [${SOURCE}]\n---\n\n- *one*\n`);
  const withNote = run(['bin/leapfrog.js', 'runbook', '--from', 'a', '--to', 'c', '--content', fresh]);
  assert.equal(withNote.status, 0, withNote.stderr);
  assert.match(withNote.stdout, /\n {2}- \*one\*\n/);
  assert.equal(withNote.stdout, run(['generator/cli/main.ts', 'runbook', '--from', 'a', '--to', 'c', '--content', fresh]).stdout);
  const broken = syntheticContent({ series: ['a', 'b'] });
  writeFileSync(join(broken, 'series', 'a', 'series.yaml'), 'id: a\nname: [\n');
  const invalid = run(['bin/leapfrog.js', 'runbook', '--from', 'a', '--to', 'b', '--content', broken]);
  assert.equal(invalid.status, 1, invalid.stderr);
  assert.match(invalid.stderr, /series\.yaml:\d+:\d+/);
  const wrong = run(['bin/leapfrog.js', 'runbook', '--from', 'newton', '--to', 'kilo']);
  assert.equal(wrong.status, 2);
  assert.equal(wrong.stderr, run(['generator/cli/main.ts', 'runbook', '--from', 'newton', '--to', 'kilo']).stderr);
});

/** A bundle file and every file it imports statically (`import … from "./x.js"`, `import "./x.js"`), transitively. */
function staticGraph(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [...seen];
  seen.add(entry);
  for (const [, spec] of readFileSync(entry, 'utf8').matchAll(/(?:^|[;\n])\s*import\s*(?:[^;"]*?from\s*)?"(\.[^"]+)"/g)) {
    staticGraph(resolve(dirname(entry), spec ?? ''), seen);
  }
  return [...seen];
}
