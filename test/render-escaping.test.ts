import assert from 'node:assert/strict';
import { test } from 'node:test';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { sourceLabel } from '../generator/index.ts';
import { code, paragraphText } from '../generator/render/markdown/phrasing.ts';

/** Defence behind validation: even text that got past it renders as one line of plain prose. */
const blocks = (markdown: string) =>
  unified()
    .use(remarkParse)
    .parse(markdown)
    .children.map((n) => n.type);

test('a lone CR in a title or a code span never starts a Markdown block', () => {
  const fence = 'Sync\r```sh\rmysql -u root -e "DROP DATABASE alpha"\r```';
  assert.deepEqual(blocks(paragraphText([fence])), ['paragraph']);
  assert.deepEqual(blocks(paragraphText(['Run `alpha-manage\r# Owned` now'])), ['paragraph']);
  assert.deepEqual(blocks(`x ${paragraphText([code('a\r# b\u2028# c')])}`), ['paragraph']);
  assert.doesNotMatch(paragraphText([fence]), /\r/);
});

test('control characters in prose come out escaped, not raw', () => {
  const text = paragraphText(['db sync\x1b[2K\rdb purge --all-rows \u202e\u009b']);
  assert.doesNotMatch(text, /[\x1b\r\u202e\u009b]/);
  const shown = unified().use(remarkParse).parse(text).children[0];
  assert.equal(
    shown?.type === 'paragraph' && shown.children.map((c) => ('value' in c ? c.value : '')).join(''),
    'db sync\\u{1B}[2K db purge --all-rows \\u{202E}\\u{9B}',
  );
});

test('source labels decode safely: bad escapes stay encoded, controls show escaped, credentials show', () => {
  assert.equal(sourceLabel('https://opendev.org/openstack/nova/src/tag/1.0.0/a%ZZb.py'), 'openstack/nova 1.0.0: a%ZZb.py');
  assert.equal(sourceLabel('https://opendev.org/openstack/nova/src/tag/1.0.0/%1B%5B2J%0Dx.py'), 'openstack/nova 1.0.0: \\u{1B}[2J\\u{D}x.py');
  assert.equal(sourceLabel('https://example.org/%E0%A4%A'), 'example.org/%E0%A4%A');
  assert.equal(sourceLabel('https://user:pass@example.org/x'), 'user:…@example.org/x');
  assert.equal(sourceLabel('https://example.org:99999/x'), 'https://example.org:99999/x');
});
