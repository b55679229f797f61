import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { boundedMemo } from '../../text/bounded-memo.ts';
import { STRINGIFY_OPTIONS } from './remark-writer.ts';

/**
 * A community note's Markdown, written in the runbook's style (bullets, fences). This is the one
 * place a runbook parses Markdown: a note is a contributor's text, not ours.
 */
const processor = unified().use(remarkParse).use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, STRINGIFY_OPTIONS).freeze();

export const noteMarkdown = boundedMemo((markdown: string) => String(processor.processSync(markdown)).replace(/\n+$/, ''));
