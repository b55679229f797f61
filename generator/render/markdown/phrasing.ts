import type { PhrasingContent } from 'mdast';
import { lazyModule } from '../../lazy.ts';
import { boundedMemo } from '../../text/bounded-memo.ts';
import { escapeForTerminal } from '../../text/escape-terminal.ts';
import { splitProse } from '../prose.ts';
import { plainHeading, plainParagraph } from './plain-line.ts';

/**
 * One line of a runbook's Markdown, built as mdast and written by remark-stringify (or, when it
 * holds no Markdown punctuation, by plain-line.ts, which writes the same bytes): the serializer
 * decides what to escape, so the Markdown says exactly what the model says and no parser ever
 * reads our own output back. Templates lay out the blocks; this writes their text.
 */
export type Piece = string | PhrasingContent | Piece[];

// remark-stringify loads on the first line plain-line.ts leaves to it (none, in most runbooks).
const remarkWriter = lazyModule<typeof import('./remark-writer.ts')>('render/markdown/remark-writer');

/** Prose is one line: a line break (a lone CR too) would start a new block, so it becomes a space. */
export function oneLine(value: string): string {
  return escapeForTerminal(value.replace(/\r\n?|[\n\u2028\u2029]/g, ' '), true);
}

/** Content prose as phrasing: plain text, and the `code spans` content may use for names and paths. */
export function prose(value: string): PhrasingContent[] {
  return splitProse(oneLine(value)).map((part) => (part.code ? code(part.text) : { type: 'text', value: part.text }));
}

export function code(value: string): PhrasingContent {
  return { type: 'inlineCode', value: oneLine(value) };
}

export function strong(...pieces: Piece[]): PhrasingContent {
  return { type: 'strong', children: phrasing(pieces) };
}

export function link(url: string, label: string): PhrasingContent {
  return { type: 'link', url, children: [{ type: 'text', value: label }] };
}

/** Strings are prose; nodes stay as built; adjacent text merges as a parser would have read it. */
export function phrasing(pieces: Piece[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const add = (node: PhrasingContent) => {
    const last = out.at(-1);
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else out.push(node.type === 'text' ? { ...node } : node);
  };
  const walk = (piece: Piece): void => {
    if (Array.isArray(piece)) piece.forEach(walk);
    else if (typeof piece === 'string') prose(piece).forEach(add);
    else add(piece);
  };
  pieces.forEach(walk);
  return out;
}

// The same titles and notes recur across hundreds of pairs: each distinct line is written once.
const paragraphOf = boundedMemo((key: string) => remarkWriter().writeLine({ type: 'paragraph', children: JSON.parse(key) }));
const headingOf = boundedMemo((key: string) =>
  remarkWriter()
    .writeLine({ type: 'heading', depth: 1, children: JSON.parse(key) })
    .slice(2),
);

let fastLines = true;

/** Tests turn the plain-line shortcut off to compare it with remark-stringify on the same runbooks. */
export function usePlainLines(on: boolean): void {
  fastLines = on;
}

/** A paragraph's Markdown (or a list item's first line) from its pieces. */
export function paragraphText(pieces: Piece[]): string {
  const nodes = phrasing(pieces);
  return (fastLines ? plainParagraph(nodes) : undefined) ?? paragraphOf(JSON.stringify(nodes));
}

/** A heading's content, without its `#` marks (the template writes those). */
export function headingText(pieces: Piece[]): string {
  const nodes = phrasing(pieces);
  return (fastLines ? plainHeading(nodes) : undefined) ?? headingOf(JSON.stringify(nodes));
}
