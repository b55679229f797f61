import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './support/run-cli.ts';
import { syntheticContent } from './support/synthetic-content.ts';

const content = syntheticContent({ series: ['a', 'b', 'c', 'd'] });
const BIN = new URL('../bin/leapfrog.js', import.meta.url).pathname;
const scratch = () => mkdtempSync(join(tmpdir(), 'leapfrog-cli-'));
const usage = (argv: string[]) => {
  const r = runCli([...argv, '--content', content]);
  assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  return r.stderr;
};

test('names on Object.prototype are unknown commands, not internal errors', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    assert.match(usage([name]), new RegExp(`^leapfrog: Unknown command "${name}", expected runbook, path or validate`));
  }
});

test('an empty --services is a mistake, not "all services"', () => {
  for (const value of ['', ',', ' , ']) {
    assert.match(usage(['path', '--from', 'a', '--to', 'c', '--services', value]), /^leapfrog: Empty --services ".*": expected service ids/);
  }
});

test("option mistakes say what is wrong and point at --help, without parseArgs' own text", () => {
  const unknown = usage(['runbook', '--from', 'a', '--to', 'c', '--frm', 'a']);
  assert.match(unknown, /^leapfrog: Unknown option --frm, expected one of: --from, --to, .*\(see leapfrog --help\)\n$/);
  assert.doesNotMatch(unknown, /positional argument/);
  assert.equal(usage(['runbook', '--to', 'c', '--from']), 'leapfrog: Option --from needs a value (see leapfrog --help)\n');
});

test('--out a folder or a path inside the content folder is refused before anything is written', () => {
  const dir = scratch();
  assert.match(usage(['runbook', '--from', 'a', '--to', 'c', '--out', dir]), /^leapfrog: --out .* is a folder: expected a file path/);
  assert.deepEqual(readdirSync(dir), [], 'no stray temp');
  const inContent = join(content, 'series', 'b', 'alpha.yaml');
  const before = readFileSync(inContent, 'utf8');
  assert.match(usage(['runbook', '--from', 'a', '--to', 'c', '--out', inContent]), /^leapfrog: --out .* is inside the content folder/);
  assert.match(usage(['runbook', '--from', 'a', '--to', 'c', '--out', join(content, 'new.md')]), /is inside the content folder/);
  assert.equal(readFileSync(inContent, 'utf8'), before);
  assert.equal(existsSync(join(content, 'new.md')), false);
});

test('--out a FIFO (like /dev/null or /dev/stdout) writes into it and leaves the node in place', async () => {
  const fifo = join(scratch(), 'pipe');
  spawnSync('mkfifo', [fifo]);
  const reader = spawn('cat', [fifo]);
  let received = '';
  reader.stdout.on('data', (d) => (received += d));
  const done = new Promise((ok) => reader.on('close', ok));
  setTimeout(() => reader.kill(), 10_000).unref(); // if the FIFO was replaced, nobody ever writes to it
  const r = spawnSync(process.execPath, [BIN, 'runbook', '--from', 'a', '--to', 'c', '--format', 'json', '--out', fifo, '--content', content], {
    encoding: 'utf8',
  });
  await done;
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(received).from, 'a');
  assert.ok(statSync(fifo).isFIFO(), 'still a FIFO');
  assert.deepEqual(readdirSync(join(fifo, '..')), ['pipe']);
});

test('a run killed while writing --out leaves a temp that the next run removes', () => {
  const dir = scratch();
  const out = join(dir, 'out.md');
  writeFileSync(join(dir, 'out.md.999999999.tmp'), 'half a runbook'); // a run that got SIGKILL
  // A 1-block file size limit kills (SIGXFSZ) or fails the write half way, like a full disk.
  const killed = spawnSync('sh', ['-c', `ulimit -f 1; exec "${process.execPath}" "${BIN}" runbook --from a --to d --out "${out}" --content "${content}"`], {
    encoding: 'utf8',
  });
  assert.notEqual(killed.status, 0);
  assert.equal(existsSync(out), false);
  const r = spawnSync(process.execPath, [BIN, 'runbook', '--from', 'a', '--to', 'd', '--out', out, '--content', content], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(dir), ['out.md']);
  assert.match(readFileSync(out, 'utf8'), /^# A \(2020\.1\)/);
});

test('a write that fails half way (file size limit, full disk) leaves no temp and says why in one line', () => {
  const dir = scratch();
  const out = join(dir, 'out.md');
  // SIGXFSZ ignored: the write fails with EFBIG instead of killing the process.
  const r = spawnSync(
    'sh',
    ['-c', `trap '' XFSZ; ulimit -f 1; exec "${process.execPath}" "${BIN}" runbook --from a --to d --out "${out}" --content "${content}"`],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /^leapfrog: EFBIG: file too large, write\n$/);
  assert.deepEqual(readdirSync(dir), []);
});

test('a closed pipe ends quietly; a full disk on stdout is one line, exit 1', () => {
  const big = syntheticContent({ series: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] });
  const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" runbook --from a --to j --content "${big}" | head -1`], { encoding: 'utf8' });
  assert.match(piped.stdout, /^# A/);
  assert.equal(piped.stderr, '');
  const full = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" runbook --from a --to j --content "${big}" > /dev/full`], { encoding: 'utf8' });
  assert.equal(full.status, 1);
  assert.equal(full.stderr, 'leapfrog: cannot write the output (ENOSPC)\n');
});

test('validate on a folder of the wrong kind fails instead of saying the content is valid', () => {
  const dir = scratch();
  mkdirSync(join(dir, 'series'));
  const r = runCli(['validate', '--content', dir]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /No series found/);
});
