import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '..');

test('a checkout whose path has a space finds its own content and templates', () => {
  const checkout = join(mkdtempSync(join(tmpdir(), 'leapfrog-')), 'my checkout ü');
  for (const dir of ['generator', 'templates', 'content']) cpSync(join(ROOT, dir), join(checkout, dir), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(checkout, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'));
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(checkout, 'generator/cli/main.ts'), ...args], { cwd: tmpdir(), encoding: 'utf8' });
  const valid = cli('validate');
  assert.equal(valid.status, 0, valid.stderr);
  assert.equal(valid.stdout, 'Content is valid.\n');
  const md = cli('runbook', '--from', 'kilo', '--to', 'liberty', '--services', 'nova');
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /^# Kilo \(2015\.1\) → Liberty \(2015\.2\): upgrade runbook/);
});
