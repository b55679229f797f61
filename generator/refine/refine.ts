import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { createBlockCache, splitBlocks } from './block-cache.ts';
import remarkCheckStructure, { checkDocument } from './remark-check-structure.ts';
import remarkCommandBlocks from './remark-command-blocks.ts';
import remarkSourceLinks from './remark-source-links.ts';
import remarkStepChecklist from './remark-step-checklist.ts';

/** parse -> steps become task items -> commands labelled -> sources linked -> structure checked -> stringify. */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkStepChecklist)
  .use(remarkCommandBlocks)
  .use(remarkSourceLinks)
  .use(remarkCheckStructure)
  .use(remarkStringify, { bullet: '-', fence: '`', fences: true, listItemIndent: 'one', rule: '-' })
  .freeze();

function refineText(markdown: string) {
  const file = new VFile({ value: markdown });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { text: processor.stringify(tree, file), structure: file.data.structure! };
}

const refineBlock = createBlockCache((block) => {
  const { text, structure } = refineText(block);
  return { text: text.replace(/\n+$/, ''), structure };
});

/** The Markdown pass: each distinct block refined once per process, then the document checked. */
export function refineMarkdown(markdown: string): string {
  const blocks = splitBlocks(markdown).map(refineBlock);
  checkDocument(blocks.map((b) => b.structure));
  return `${blocks.map((b) => b.text).join('\n\n')}\n`;
}

/** The same pass over the whole text at once; tests use it to prove the block cache changes nothing. */
export function refineMarkdownUncached(markdown: string): string {
  const { text, structure } = refineText(markdown);
  checkDocument([structure]);
  return text;
}
