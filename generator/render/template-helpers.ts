import { lazyModule } from '../lazy.ts';
import { sourceLabel } from '../text/source-label.ts';
import { fencedBlock, indentLines } from './markdown/blocks.ts';
import { code, headingText, link, paragraphText, type Piece, strong } from './markdown/phrasing.ts';

// Parsing Markdown is for community notes only: remark-parse loads with the first one.
const notes = lazyModule<typeof import('./markdown/note-markdown.ts')>('render/markdown/note-markdown');

/** A helper's arguments, less the options object Handlebars passes last; numbers read as text. */
function pieces(args: unknown[]): Piece[] {
  return args.slice(0, -1).map((a) => (typeof a === 'number' ? String(a) : (a as Piece)));
}

/**
 * The helpers write final Markdown: `text` and `heading` build the line as mdast and let
 * remark-stringify escape it; `code`, `strong` and `sources` make its nodes; `fence` and `note`
 * write blocks inside a list item.
 */
export const HELPERS = {
  text: (...args: unknown[]) => paragraphText(pieces(args)),
  heading: (...args: unknown[]) => headingText(pieces(args)),
  code: (value: unknown) => code(String(value)),
  strong: (...args: unknown[]) => strong(...pieces(args)),
  sources: (urls: unknown) => (urls as string[]).flatMap((url, i): Piece[] => [...(i > 0 ? [' · '] : []), link(url, sourceLabel(url))]),
  fence: (value: unknown, indent: unknown) => fencedBlock(String(value), typeof indent === 'number' ? indent : 0),
  note: (value: unknown, indent: unknown) => indentLines(notes().noteMarkdown(String(value)), typeof indent === 'number' ? indent : 0),
};

export const COMPILE = {
  noEscape: true,
  strict: true,
  // Declaring the helpers lets Handlebars call them directly instead of resolving each use.
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])),
};
