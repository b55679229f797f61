import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { assemble, createBlockCache, splitBlocks } from './block-cache.ts';
import remarkCheckStructure from './remark-check-structure.ts';
import remarkCommandBlocks from './remark-command-blocks.ts';
import remarkSourceLinks from './remark-source-links.ts';
import remarkStepChecklist from './remark-step-checklist.ts';

const STRINGIFY = { bullet: '-', fence: '`', fences: true, listItemIndent: 'one', rule: '-' } as const;

/** Per block: parse -> steps become task items -> commands labelled -> sources linked. */
const transform = unified()
  .use(remarkParse)
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkStepChecklist)
  .use(remarkCommandBlocks)
  .use(remarkSourceLinks)
  .use(remarkStringify, STRINGIFY)
  .freeze();

/** On the whole document: the structure operators rely on (one title, unique step ids…). */
const check = unified().use(remarkCheckStructure).freeze();

const refineBlock = createBlockCache((block) => {
  const tree = transform.runSync(transform.parse(block)) as Root;
  return { nodes: tree.children, text: transform.stringify(tree).replace(/\n+$/, '') };
});

/** The Markdown pass: each distinct block refined once per process, the whole document checked. */
export function refineMarkdown(markdown: string): string {
  const blocks = splitBlocks(markdown).map(refineBlock);
  check.runSync(assemble(blocks), new VFile({ value: markdown }));
  return `${blocks.map((b) => b.text).join('\n\n')}\n`;
}

/** The same pass over the whole text at once; tests use it to prove the block cache changes nothing. */
export function refineMarkdownUncached(markdown: string): string {
  const file = new VFile({ value: markdown });
  const tree = transform.runSync(transform.parse(markdown), file) as Root;
  check.runSync(tree, file);
  return transform.stringify(tree, file);
}
