import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PhrasingContent } from 'mdast';
import { buildRunbook, DEFAULT_CONTENT_DIR, loadContent, renderMarkdown } from '../generator/index.ts';
import { code, headingText, link, paragraphText, strong, usePlainLines } from '../generator/render/markdown/phrasing.ts';
import { plainHeading, plainParagraph } from '../generator/render/markdown/plain-line.ts';

/** The same line written both ways: the shortcut, and remark-stringify alone. */
function bothWays(write: () => string): [string, string] {
  try {
    usePlainLines(true);
    const fast = write();
    usePlainLines(false);
    return [fast, write()];
  } finally {
    usePlainLines(true);
  }
}

describe('plain lines are written as remark-stringify writes them', () => {
  const content = loadContent(DEFAULT_CONTENT_DIR);
  const cases = [
    { from: 'kilo', to: 'newton' },
    { from: 'queens', to: 'train', utility: 'container' as const },
    { from: '2023.1', to: '2026.1' },
    { from: 'juno', to: 'gazpacho', fewestStops: true },
    { from: 'juno', to: 'gazpacho', utility: 'container' as const },
  ];
  for (const request of cases) {
    it(`${request.from} → ${request.to}${request.fewestStops ? ' (fewest stops)' : ''}${request.utility ? ` (${request.utility})` : ''}: byte-identical`, () => {
      const runbook = buildRunbook(content, request);
      const [fast, remark] = bothWays(() => renderMarkdown(runbook));
      assert.equal(fast, remark);
    });
  }

  // Text a contributor could write: every character that means something somewhere in Markdown.
  const hostile = [
    '1. looks like a list',
    '1) too',
    '- dash',
    '+ plus',
    '# hash',
    '> quote',
    '= setext',
    '| pipe |',
    ':- table',
    '~strike~',
    '*star*',
    '_under_',
    'a_b_c',
    'nova_api',
    'a__b',
    'x_',
    '_x',
    'db_sync_',
    'é_a',
    'back`tick',
    '[label](url)',
    'x](y)',
    '![img]',
    'Look!',
    '&amp; &#35;',
    '<b>html</b>',
    'a<b',
    'www.example.com',
    'https://example.com/x',
    'user@example.com',
    'trailing space ',
    ' leading',
    'tab\there',
    'back\\slash',
    'C:\\path',
    '100% (done).',
    'e.g. nova-manage db sync',
    'ends with #',
    '***',
    '--',
    '2015.2:',
    '(x)',
    'a.b',
    'W.x',
    'http:/',
    // Brackets (escaped `[`, a `](` that would make a link) and autolink literals, overlapping too.
    '[DEFAULT] use_neutron',
    '[api_database]/connection',
    '[[x]]',
    'x] [y',
    ']',
    'a]b(c)',
    'a] (b)',
    '[x]: y',
    '[^1] note',
    'www.w.x',
    'Www.-x W._',
    'ww.www.w.w',
    'https://x https://y',
    'ps://sp:/',
    'www.',
    'see www.example.com/a.b',
    // Characters escaped in running text by their neighbours, or not at all.
    'networking-* drivers',
    'a ** b',
    '*x',
    'x*',
    'storage1@lvm',
    'a@b@c',
    '@x',
    'x@',
    'NOVA_DBPASS@controller/nova',
    'nova.virt.<compute_driver>',
    'a < b',
    '<1',
    'x<y',
    '<!-- c',
    '&copy',
    '& x',
    '&#1;',
    'a -> b',
    'x > y',
    'Look! ![x]',
    '!',
    'a]b',
    // Underscores inside a word, around one, in runs; leading dashes.
    '__init__.py',
    'nova/network/__init__.py',
    '__DEFAULT__',
    "'_cell0'",
    '_',
    '__',
    'x__y',
    'a_é',
    'w._x',
    'a@_b',
    '_x_ y',
    'vendordata_*',
    '[x_]',
    '-',
    '-x',
    '--single-transaction',
    '- - -',
    '-\tx',
    '---',
  ];
  const pieces = (text: string): (string | PhrasingContent)[][] => [
    [text],
    ['Run ', code(text), ' now'],
    [strong(text), ' ', text],
    ['See ', link('https://opendev.org/openstack/nova/src/tag/15.0.0/x.py', text)],
    [text, strong('Warning:'), text],
    ['Sources: ', link(`https://e.com/${text}`, 'label')],
    [code(`\`${text}`), text],
  ];
  it('hostile text and nodes: the shortcut agrees or steps aside', () => {
    for (const text of hostile) {
      for (const line of pieces(text)) {
        const [fast, remark] = bothWays(() => paragraphText(line));
        assert.equal(fast, remark, JSON.stringify(line));
        const [fastHeading, remarkHeading] = bothWays(() => headingText(line));
        assert.equal(fastHeading, remarkHeading, JSON.stringify(line));
      }
    }
  });

  it('the shortcut takes the common lines (it is not always stepping aside)', () => {
    assert.equal(
      plainParagraph([{ type: 'text', value: 'Stop nova-api on every controller (e.g. with systemctl).' }]),
      'Stop nova-api on every controller (e.g. with systemctl).',
    );
    assert.equal(
      plainParagraph([
        { type: 'inlineCode', value: 'offline.stop.nova' },
        { type: 'text', value: ' Stop the services' },
      ]),
      '`offline.stop.nova` Stop the services',
    );
    assert.equal(plainHeading([{ type: 'text', value: '2. Offline window' }]), '2. Offline window');
    assert.equal(plainParagraph([{ type: 'text', value: '1. a list' }]), undefined, 'a list marker goes to remark');
    assert.equal(plainParagraph([{ type: 'text', value: 'Set [DEFAULT] debug' }]), 'Set \\[DEFAULT] debug');
    assert.equal(
      plainParagraph([
        { type: 'text', value: 'Sources: ' },
        { type: 'link', url: 'https://www.freedesktop.org/x.html', children: [{ type: 'text', value: 'www.freedesktop.org/x.html' }] },
      ]),
      'Sources: [www.freedesktop.org/x.html](https://www.freedesktop.org/x.html)',
    );
  });
});
