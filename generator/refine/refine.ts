import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import remarkCheckStructure from './remark-check-structure.ts';
import remarkCommandBlocks from './remark-command-blocks.ts';
import remarkSourceLinks from './remark-source-links.ts';
import remarkStepChecklist from './remark-step-checklist.ts';

/** Built once: parse -> steps become task items -> commands labelled -> sources linked -> checked. */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkStepChecklist)
  .use(remarkCommandBlocks)
  .use(remarkSourceLinks)
  .use(remarkCheckStructure)
  .use(remarkStringify, { bullet: '-', fence: '`', fences: true, listItemIndent: 'one', rule: '-' })
  .freeze();

export function refineMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

export { processor as refineProcessor };
