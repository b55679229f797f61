import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkContent, formatReport } from '../generator/index.ts';
import { contentFor } from './support/fixture-content.ts';
import { runCli } from './support/run-cli.ts';

/** Cases that cannot live in git as fixtures: links, FIFOs, huge or oddly encoded files. */
const report = (root: string) => formatReport(checkContent(root, root).problems);
const SRC = 'https://opendev.org/openstack/example/src/tag/1.0.0/README.rst';
const note = (title = 'A note') => `---\nservice: alpha\nseries: b\ntitle: ${title}\nsources:\n  - ${SRC}\n---\n\n### What we saw\n\nIt worked.\n`;

test('a symlink that leaves the content folder is refused, and nothing of its target is printed', () => {
  const root = contentFor('__none__');
  const secret = join(mkdtempSync(join(tmpdir(), 'leapfrog-secret-')), 'token');
  writeFileSync(secret, 'glpat-0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdef\n');
  symlinkSync(secret, join(root, 'services', 'gamma.yaml'));
  symlinkSync(secret, join(root, 'series', 'b', 'alpha.md'));
  const text = report(root);
  assert.equal(
    text,
    [
      'series/b/alpha.md:1:1: Symbolic link leaves the content folder, expected content inside it: copy the file in instead [symlink-outside]',
      'services/gamma.yaml:1:1: Symbolic link leaves the content folder, expected content inside it: copy the file in instead [symlink-outside]',
      '2 problems found',
    ].join('\n'),
  );
  assert.doesNotMatch(text, /glpat/);
});

test('a symlinked series folder outside the root is refused; a link inside the root is followed', () => {
  const root = contentFor('__none__');
  const outside = mkdtempSync(join(tmpdir(), 'leapfrog-outside-'));
  symlinkSync(outside, join(root, 'series', 'zz'));
  renameSync(join(root, 'services', 'beta.yaml'), join(root, 'beta.yaml'));
  symlinkSync(join(root, 'beta.yaml'), join(root, 'services', 'beta.yaml'));
  assert.equal(
    report(root),
    'series/zz:1:1: Symbolic link leaves the content folder, expected content inside it: copy the file in instead [symlink-outside]\n1 problem found',
  );
});

test('a link to /dev/zero, a FIFO and a dangling link are refused at once, without reading them', () => {
  const root = contentFor('__none__');
  symlinkSync('/dev/zero', join(root, 'series', 'b', 'alpha.md'));
  execFileSync('mkfifo', [join(root, 'series', 'c', 'alpha.md')]);
  symlinkSync(join(root, 'nowhere.yaml'), join(root, 'services', 'gamma.yaml'));
  const started = performance.now();
  assert.equal(
    report(root),
    [
      'series/b/alpha.md:1:1: Symbolic link leaves the content folder, expected content inside it: copy the file in instead [symlink-outside]',
      'series/c/alpha.md:1:1: Not a regular file (a FIFO, socket or device), expected a file [not-a-file]',
      'services/gamma.yaml:1:1: Symbolic link to nothing (dangling), expected a file or folder [file-unreadable]',
      '3 problems found',
    ].join('\n'),
  );
  assert.ok(performance.now() - started < 5000);
});

test('a 20 MB community note is refused by its size, before it is read', () => {
  const root = contentFor('__none__');
  writeFileSync(join(root, 'series', 'b', 'alpha.md'), note() + 'x'.repeat(20 * 1024 * 1024));
  const started = performance.now();
  assert.match(
    report(root),
    /^series\/b\/alpha\.md:1:1: File is 20971\d+ bytes, expected at most 262144: split it into smaller files \[file-too-large\]\n1 problem found$/,
  );
  assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
});

test('a UTF-8 BOM and UTF-16 with a BOM read as the text they hold', () => {
  const root = contentFor('__none__');
  writeFileSync(join(root, 'series', 'b', 'alpha.md'), `\ufeff${note('Café at B')}`);
  const alpha = join(root, 'series', 'c', 'alpha.yaml');
  const yaml = readFileSync(alpha, 'utf8').replace('title: Sync alpha', 'title: Sync alpha at the café');
  writeFileSync(alpha, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yaml, 'utf16le')]));
  const beta = join(root, 'series', 'c', 'beta.yaml');
  writeFileSync(beta, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(readFileSync(beta, 'utf8'), 'utf16le').swap16()]));
  const { content, problems } = checkContent(root, root);
  assert.deepEqual(problems, []);
  assert.equal(content.note('b', 'alpha')?.title, 'Café at B');
  assert.equal(content.release('c', 'alpha')?.steps[0]?.title, 'Sync alpha at the café');
});

test('a file name with an ESC sequence is reported escaped, never raw', () => {
  const root = contentFor('__none__');
  writeFileSync(join(root, 'series', 'b', 'x\x1b[2J\x07.txt'), '');
  const text = report(root);
  assert.equal(text, 'series/b/x\\u{1B}[2J\\u{7}.txt:1:1: Unexpected file: expected series.yaml or <service>.yaml [unexpected-file]\n1 problem found');
});

test('an empty folder, /usr/share or a folder with only services is not content', () => {
  const empty = mkdtempSync(join(tmpdir(), 'leapfrog-empty-'));
  for (const dir of [empty, '/usr/share']) {
    const r = runCli(['validate', '--content', dir]);
    assert.equal(r.code, 1, dir);
    assert.match(r.stderr, /content-empty\]\n1 problem found\n$/, dir);
    assert.doesNotMatch(r.stdout, /Content is valid/);
  }
  const servicesOnly = contentFor('__none__');
  execFileSync('rm', ['-r', join(servicesOnly, 'series')]);
  mkdirSync(join(servicesOnly, 'series'));
  assert.match(report(servicesOnly), /No series found: expected a content folder/);
});
