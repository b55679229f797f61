import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import remarkImagesAsLinks from '../generator/render/markdown/remark-images-as-links.ts';
import { noteMarkdown } from '../generator/render/markdown/note-markdown.ts';
import { STRINGIFY_OPTIONS } from '../generator/render/markdown/remark-writer.ts';

/**
 * One folder per remark step a note goes through: `input.md` in, `output.md` expected
 * (UPDATE_FIXTURES=1 rewrites the outputs; read the diff before committing it).
 */
const FIXTURES = fileURLToPath(new URL('./fixtures/remark/', import.meta.url));
const images = unified().use(remarkParse).use(remarkGfm).use(remarkImagesAsLinks).use(remarkStringify, STRINGIFY_OPTIONS).freeze();
const steps: Record<string, (markdown: string) => string> = {
  'images-as-links': (markdown) => String(images.processSync(markdown)),
  'note-markdown': (markdown) => `${noteMarkdown(markdown)}\n`,
};

describe('remark steps, by fixture', () => {
  for (const [name, run] of Object.entries(steps)) {
    it(name, () => {
      const dir = join(FIXTURES, name);
      const actual = run(readFileSync(join(dir, 'input.md'), 'utf8'));
      if (process.env.UPDATE_FIXTURES) writeFileSync(join(dir, 'output.md'), actual);
      assert.equal(actual, readFileSync(join(dir, 'output.md'), 'utf8'));
    });
  }
});
