import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprint } from '../generator/text/fingerprint.ts';

test('cache fingerprints: 16 hex digits, stable, and different for different keys', () => {
  assert.match(fingerprint('x'), /^[0-9a-f]{16}$/);
  assert.equal(fingerprint('a', 'b'), fingerprint('a', 'b'));
  // Where one part ends matters: a snapshot key is a list of file names and sizes.
  assert.notEqual(fingerprint('ab', 'c'), fingerprint('a', 'bc'));
  assert.notEqual(fingerprint('a'), fingerprint('a', ''));
  // Keys that differ in one digit of a size or a timestamp, as two states of a content tree do.
  const seen = new Set<string>();
  for (let i = 0; i < 20_000; i++) seen.add(fingerprint(`series/kilo/nova.yaml\0${i}\0${1_796_192_473_882 + i}`));
  assert.equal(seen.size, 20_000);
});
