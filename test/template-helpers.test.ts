import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paragraphText } from '../generator/render/markdown/phrasing.ts';
import { code, link } from '../generator/render/markdown/phrasing.ts';
import { HELPERS } from '../generator/render/template-helpers.ts';
import { sourceLabel } from '../generator/text/source-label.ts';

// Handlebars passes an options object last; the helpers ignore it.
const options = {};
const text = (...args: unknown[]) => HELPERS.text(...args, options);

/**
 * The line helpers remember what they wrote by their arguments joined with NUL (render/template-
 * helpers.ts). Arguments that would make the same key must still give each its own line: text
 * holding the separators, and text spelling what a code span's key looks like.
 */
test('remembered lines never answer for different arguments', () => {
  const cases: unknown[][] = [
    ['a', 'b'],
    ['a\0b'],
    ['`a', 'b`'],
    ['`a\0b`'],
    ['x ', HELPERS.code('foo', options)],
    ['x ', '\u0001cfoo'],
    ['x \0\u0001cfoo'],
    ['Sources: ', HELPERS.sources(['https://example.org/a', 'https://example.org/b'], options)],
    ['Sources: ', HELPERS.sources(['https://example.org/a\0https://example.org/b'], options)],
  ];
  const expected = (args: unknown[]) => paragraphText(args as Parameters<typeof paragraphText>[0]);
  // Each twice, in two orders: the second call of each is answered from memory when it can be.
  for (const order of [cases, [...cases].reverse()]) {
    for (const args of [...order, ...order]) assert.equal(text(...args), expected(args), JSON.stringify(args));
  }
  assert.notEqual(text('a', 'b'), text('a\0b'));
  assert.notEqual(text('`a', 'b`'), text('`a\0b`'));
});

test('a code span and a source list made twice are new objects each time: nothing is shared', () => {
  assert.notEqual(HELPERS.code('x', options), HELPERS.code('x', options));
  assert.deepEqual(HELPERS.code('x', options), code('x'));
  const urls = ['https://opendev.org/openstack/nova/src/tag/15.0.0/nova/cmd/manage.py'];
  const list = HELPERS.sources(urls, options);
  assert.notEqual(list, HELPERS.sources(urls, options));
  assert.deepEqual(list, [link(urls[0] as string, sourceLabel(urls[0] as string))]);
});
