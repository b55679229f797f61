import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './support/run-cli.ts';
import { syntheticContent } from './support/synthetic-content.ts';

const content = syntheticContent({ series: ['a', 'b', 'c', 'd'] });

test('runbook --format json prints one object with the stops and sections', () => {
  const r = runCli(['runbook', '--from', 'a', '--to', 'c', '--format', 'json', '--content', content]);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.from, 'a');
  assert.deepEqual(
    json.stops.map((s: { series: string }) => s.series),
    ['b', 'c'],
  );
});

test('--services limits the runbook to those services, --out writes the file', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'leapfrog-out-')), 'sub', 'runbook.md');
  const r = runCli(['runbook', '--from', 'a', '--to', 'c', '--services', 'beta', '--out', out, '--content', content]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  const md = readFileSync(out, 'utf8');
  assert.match(md, /`b\.beta\.db-sync`/);
  assert.doesNotMatch(md, /alpha-manage/);
});

test("path prints each service's stops with reasons", () => {
  const r = runCli(['path', '--from', 'a', '--to', 'c', '--content', content]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Alpha \(from A\): B -> C$/m);
  assert.match(r.stdout, /^ {2}B: upstream tests C from B only \(N to N\+1\)$/m);
});

test('usage errors go to stderr with exit 2 and no stack trace', () => {
  const cases: [string[], RegExp][] = [
    [['runbook', '--from', 'b', '--to', 'b'], /^leapfrog: --from and --to are both B: nothing to upgrade\n$/],
    [['runbook', '--from', 'c', '--to', 'a'], /^leapfrog: --to A \(2020\.1\) is older than --from C \(2021\.1\)/],
    [['runbook', '--from', 'nope', '--to', 'c'], /^leapfrog: Unknown series "nope" for --from/],
    [['runbook', '--from', 'a'], /^leapfrog: Missing --to <series>/],
    [['runbook', '--from', 'a', '--to', 'c', '--format', 'xml'], /^leapfrog: Unknown --format "xml", expected md or json/],
    [['validate', '--from', 'a'], /^leapfrog: Option --from does not apply to "validate"/],
    [['frobnicate'], /^leapfrog: Unknown command "frobnicate"/],
    [['runbook', '--from', 'a', '--to', 'c', '--bogus'], /^leapfrog: Unknown option --bogus, expected one of: --from, .* \(see leapfrog --help\)\n$/],
  ];
  for (const [argv, expected] of cases) {
    const r = runCli([...argv, '--content', content]);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, expected);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('npx leapfrog runs the project CLI on the project Node', () => {
  const r = spawnSync('npx', ['leapfrog', 'path', '--from', '2020.1', '--to', 'B', '--content', content], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^A \(2020\.1\) -> B \(2020\.2\)/);
  const missing = spawnSync('npx', ['leapfrog', 'runbook', '--from', 'a', '--to', 'zz', '--content', content], { encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /leapfrog: Unknown series "zz" for --to/);
});

test('a failed run leaves no output file behind', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'leapfrog-out-')), 'runbook.md');
  const r = runCli(['runbook', '--from', 'a', '--to', 'zz', '--out', out, '--content', content]);
  assert.equal(r.code, 2);
  assert.equal(existsSync(out), false);
  assert.ok(execFileSync('ls', [join(out, '..')], { encoding: 'utf8' }) === '');
});
