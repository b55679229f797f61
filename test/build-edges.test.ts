import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { describeFailure } from '../site/scripts/build.ts';
import { syntheticContent } from './support/synthetic-content.ts';
import { at } from './support/at.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'generator/cli/build.ts');
const BUILD_ALL = join(ROOT, 'site/scripts/build-all.ts');
const build = (out: string, content: string) => spawnSync(process.execPath, [BUILD, out, content], { encoding: 'utf8' });
const scratch = () => mkdtempSync(join(tmpdir(), 'leapfrog-build-edges-'));
const DEAD_PID = 999_999_999;

test('an empty or wrong --content folder fails the build and keeps the previous one', () => {
  const out = join(scratch(), 'runbooks');
  assert.equal(build(out, syntheticContent({ series: ['a', 'b'] })).status, 0);
  const before = readdirSync(out, { recursive: true });
  for (const wrong of [scratch(), '/usr/share']) {
    const r = build(out, wrong);
    assert.equal(r.status, 1, wrong);
    assert.match(r.stderr, /\[content-empty\]\n1 problem found\n$/);
    assert.doesNotMatch(r.stdout, /Wrote 0/);
  }
  assert.deepEqual(readdirSync(out, { recursive: true }), before);
});

test("temps of killed builds are removed by the next build; a running build's are kept", () => {
  const dir = scratch();
  const out = join(dir, 'runbooks');
  for (const stale of [`runbooks.tmp-${DEAD_PID}-AbC123`, 'runbooks.tmp-x1Y2z3', `runbooks.old-${DEAD_PID}`])
    mkdirSync(join(dir, stale, 'a'), { recursive: true });
  const live = `runbooks.tmp-${process.pid}-LiVe00`;
  mkdirSync(join(dir, live));
  assert.equal(build(out, syntheticContent({ series: ['a', 'b'] })).status, 0);
  assert.deepEqual(readdirSync(dir).sort(), ['runbooks', live].sort());
});

test('content past what a build can write fails at once with a clear message, nothing written', () => {
  const series = Array.from({ length: 160 }, (_, i) => `s${i}`);
  const content = syntheticContent({ series });
  const out = join(scratch(), 'runbooks');
  const started = performance.now();
  const r = build(out, content);
  assert.equal(r.status, 1);
  assert.match(
    r.stderr,
    /^leapfrog build: 160 series × 2 services make 12720 runbook pairs, about [\d.]+ GB of runbooks; a build writes at most about [\d.]+ GB/,
  );
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  assert.ok(performance.now() - started < 60_000);
  assert.equal(existsSync(out), false);
  assert.deepEqual(readdirSync(join(out, '..')), []);
});

test('a build of every pair streams: its heap does not grow with what it has written', () => {
  // 40 series: 780 pairs, ~80 MB of runbooks; the old block cache kept every runbook alive.
  const content = syntheticContent({ series: Array.from({ length: 40 }, (_, i) => `s${i}`) });
  const out = join(scratch(), 'runbooks');
  const r = spawnSync(process.execPath, ['--max-old-space-size=80', BUILD, out, content], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr.slice(0, 300));
  assert.match(r.stdout, /^Wrote 1560 runbook files/);
});

test('npm run build swaps runbooks and site together: a kill during the site step leaves the old pair, the next build cleans up', async () => {
  const dist = join(scratch(), 'dist');
  const env = { ...process.env, LEAPFROG_CONTENT: syntheticContent({ series: ['a', 'b', 'c'] }) };
  const first = spawnSync(process.execPath, [BUILD_ALL, dist], { env, encoding: 'utf8', cwd: ROOT });
  assert.equal(first.status, 0, first.stderr);
  assert.ok(existsSync(join(dist, 'runbooks', 'a', 'c.md')) && existsSync(join(dist, 'site', 'index.html')));
  writeFileSync(join(dist, 'runbooks', 'marker'), 'old');
  writeFileSync(join(dist, 'site', 'marker'), 'old');
  const child = spawn(process.execPath, [BUILD_ALL, dist], { env, cwd: ROOT, stdio: 'ignore' });
  // Wait until the runbooks are written and the site step has started, then kill it.
  const deadline = Date.now() + 60_000;
  const siteWork = join(ROOT, 'node_modules/.cache/leapfrog-site/out');
  while (Date.now() < deadline) {
    const temps = readdirSync(join(dist, '..')).filter((n) => n.startsWith(`dist.tmp-${child.pid}-`));
    const siteStarted = existsSync(siteWork) && readdirSync(siteWork).some((n) => n.startsWith(`site.tmp-${child.pid}-`));
    if (temps.length && existsSync(join(dist, '..', at(temps, 0, 'temp folder'), 'runbooks', 'a', 'c.md')) && siteStarted) break;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  const exited = new Promise((ok) => child.on('exit', ok));
  child.kill('SIGKILL');
  await exited;
  assert.equal(readFileSync(join(dist, 'runbooks', 'marker'), 'utf8'), 'old');
  assert.equal(readFileSync(join(dist, 'site', 'marker'), 'utf8'), 'old');
  assert.ok(
    readdirSync(join(dist, '..')).some((n) => n.startsWith('dist.tmp-')),
    'the killed build left its temp',
  );
  const next = spawnSync(process.execPath, [BUILD_ALL, dist], { env, encoding: 'utf8', cwd: ROOT });
  assert.equal(next.status, 0, next.stderr);
  assert.deepEqual(readdirSync(join(dist, '..')), ['dist']);
  assert.equal(existsSync(join(dist, 'runbooks', 'marker')) || existsSync(join(dist, 'site', 'marker')), false);
  assert.ok(!readdirSync(siteWork).some((n) => n.startsWith(`site.tmp-${child.pid}-`)), 'the site work folder of the killed build is gone');
});

test("the site builds into a folder whose path starts with the checkout's path", () => {
  const out = `${ROOT}-leapfrog-test-${process.pid}`;
  try {
    const r = spawnSync(process.execPath, [join(ROOT, 'site/scripts/build.ts'), join(out, 'site')], {
      env: { ...process.env, LEAPFROG_CONTENT: syntheticContent({ series: ['a', 'b'] }) },
      encoding: 'utf8',
      cwd: ROOT,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(join(out, 'site', 'index.html')));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a failing site build says what failed in one line, no stack trace', () => {
  const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  assert.equal(describeFailure(full, 'leapfrog site'), 'leapfrog site: ENOSPC: no space left on device, write: no space left on the device');
  const missing = Object.assign(new Error("Cannot find package '@oslojs/encoding' imported from /x\n    at y"), { code: 'ERR_MODULE_NOT_FOUND' });
  assert.doesNotMatch(describeFailure(missing, 'leapfrog site'), /\n/);
});
