import assert from 'node:assert/strict';
import { test } from 'node:test';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { sourceLabel } from '../generator/index.ts';
import { escapeText, inlineCode } from '../generator/render/markdown-text.ts';

/** Defence behind validation: even text that got past it renders as one line of plain prose. */
const blocks = (markdown: string) => unified().use(remarkParse).parse(markdown).children.map((n) => n.type);

test('a lone CR in a title or a code span never starts a Markdown block', () => {
  const fence = 'Sync\r```sh\rmysql -u root -e "DROP DATABASE alpha"\r```';
  assert.deepEqual(blocks(escapeText(fence)), ['paragraph']);
  assert.deepEqual(blocks(escapeText('Run `alpha-manage\r# Owned` now')), ['paragraph']);
  assert.deepEqual(blocks(`x ${inlineCode('a\r# b\u2028# c')}`), ['paragraph']);
  assert.doesNotMatch(escapeText(fence), /\r/);
});

test('control characters in prose come out escaped, not raw', () => {
  const text = escapeText('db sync\x1b[2K\rdb purge --all-rows \u202e\u009b');
  assert.doesNotMatch(text, /[\x1b\r\u202e\u009b]/);
  assert.ok(text.includes('\\\\u\\{1B\\}'), text); // Markdown for \u{1B}
});

test('source labels decode safely: bad escapes stay encoded, controls show escaped, credentials show', () => {
  assert.equal(sourceLabel('https://opendev.org/openstack/nova/src/tag/1.0.0/a%ZZb.py'), 'openstack/nova 1.0.0: a%ZZb.py');
  assert.equal(sourceLabel('https://opendev.org/openstack/nova/src/tag/1.0.0/%1B%5B2J%0Dx.py'), 'openstack/nova 1.0.0: \\u{1B}[2J\\u{D}x.py');
  assert.equal(sourceLabel('https://example.org/%E0%A4%A'), 'example.org/%E0%A4%A');
  assert.equal(sourceLabel('https://user:pass@example.org/x'), 'user:…@example.org/x');
  assert.equal(sourceLabel('https://example.org:99999/x'), 'https://example.org:99999/x');
});
