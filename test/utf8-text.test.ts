import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildRunbook, loadContent, renderJson, renderJsonUtf8, renderMarkdown, renderMarkdownUtf8, writeUtf8 } from '../generator/index.ts';
import { Utf8Builder } from '../generator/text/utf8-text.ts';
import { writeFiles } from '../generator/publish/write-tree.ts';
import { loadTemplate, renderPieces } from '../generator/render/templates.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'leapfrog-utf8-'));

test('a text in pieces is written whole: more pieces than one writev takes, empty ones, characters of every width', () => {
  const out = new Utf8Builder();
  let expected = '';
  for (let i = 0; i < 3000; i++) {
    // Glue (text) and pieces alternate; a piece may be empty; some glue repeats, some does not.
    const glue = i % 3 === 0 ? '\n\n' : `### Nova at Ocata ${i} → é 🐸\n`;
    const piece = i % 7 === 0 ? '' : `- [ ] \`step-${i}\` "quoted" \\ $HOME ${'x'.repeat(i % 50)}\n`;
    out.text(glue).piece(Buffer.from(piece, 'utf8'));
    expected += glue + piece;
  }
  const text = out.text('the end').done();
  expected += 'the end';
  assert.equal(text.toString(), expected);
  assert.equal(text.byteLength, Buffer.byteLength(expected));

  const dir = scratch();
  try {
    const file = join(dir, 'out.md');
    const fd = openSync(file, 'w');
    try {
      writeUtf8(fd, text);
    } finally {
      closeSync(fd);
    }
    assert.equal(readFileSync(file, 'utf8'), expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a published runbook file holds the bytes of the rendered strings', () => {
  const content = loadContent();
  const dir = scratch();
  try {
    const pairs = [
      ['kilo', 'newton'],
      ['juno', 'gazpacho'],
    ] as const;
    const runbooks = pairs.map(([from, to]) => buildRunbook(content, { from, to, utility: 'container' }));
    writeFiles(
      dir,
      runbooks.flatMap((rb, i) => [
        [`${i}.md`, renderMarkdownUtf8(rb)],
        [`${i}.json`, renderJsonUtf8(rb)],
      ]),
    );
    runbooks.forEach((rb, i) => {
      assert.equal(readFileSync(join(dir, `${i}.md`), 'utf8'), renderMarkdown(rb), `${pairs[i]?.join(' → ')} Markdown`);
      assert.equal(readFileSync(join(dir, `${i}.json`), 'utf8'), renderJson(rb), `${pairs[i]?.join(' → ')} JSON`);
      assert.deepEqual(JSON.parse(readFileSync(join(dir, `${i}.json`), 'utf8')).from, pairs[i]?.[0]);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('text outside the steps that holds the step marker character still comes out byte for byte', () => {
  // Validated content cannot hold a C0 control and the line helpers escape one: a template's own
  // text is the only way in, so a fixture template writes it raw.
  const dir = scratch();
  try {
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'runbook.md.hbs'), '{{raw}}\n{{#each steps}}{{> step}}{{/each}}');
    writeFileSync(join(dir, 'partials', 'step.md.hbs'), '- {{title}}\n');
    const text = renderPieces(loadTemplate('runbook', dir), { raw: 'a\u0002b → c', steps: [{ title: 'one' }, { title: 'two' }] });
    assert.equal(text.toString(), 'a\u0002b → c\n- one\n- two\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
