import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byArguments } from '../generator/text/argument-memo.ts';

test('a memoised builder runs once per distinct arguments: objects by identity, primitives by value', () => {
  let runs = 0;
  const build = byArguments((o: object, n: number | string | null) => {
    runs++;
    return { o, n };
  });
  const a = {};
  const b = {};
  const first = build(a, 1);
  // Alternating leading arguments: the remembered last child must not stand for another one.
  assert.equal(build(b, 1).o, b);
  assert.equal(build(a, 1), first);
  assert.equal(build(a, '1').n, '1', 'the string 1 is not the number 1');
  assert.equal(build(a, null).n, null);
  assert.equal(build(a, 1), first);
  assert.equal(build(b, 1), build(b, 1));
  assert.equal(runs, 4);
});

test('a memoised builder starts over past its limit and still answers right', () => {
  const build = byArguments((n: number) => ({ n }), 3);
  for (const n of [1, 2, 3, 4, 5]) build(n);
  assert.deepEqual(
    [1, 2, 3, 4, 5].map((n) => build(n).n),
    [1, 2, 3, 4, 5],
  );
  assert.equal(build(5), build(5), 'a result is kept again after a restart');
});
