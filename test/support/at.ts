import assert from 'node:assert/strict';

/** `list[index]`, failing the test with a message when it is not there (instead of a TypeError later). */
export function at<T>(list: readonly T[] | undefined, index: number, what = 'item'): T {
  const item = list?.[index];
  assert.ok(item !== undefined, `${what} ${index} is missing`);
  return item;
}
