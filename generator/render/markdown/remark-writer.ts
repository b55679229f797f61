import type { Heading, Paragraph, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

/** The options every Markdown runbook is written with. */
export const STRINGIFY_OPTIONS = { bullet: '-', fence: '`', fences: true, listItemIndent: 'one', rule: '-' } as const;

const writer = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, STRINGIFY_OPTIONS).freeze();

/** One paragraph or heading as remark-stringify writes it, without the final line ending. */
export function writeLine(node: Paragraph | Heading): string {
  const root: Root = { type: 'root', children: [node] };
  return writer.stringify(root).replace(/\n$/, '');
}
