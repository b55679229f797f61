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

const LINES = 100_000;

/**
 * A helper memoised when its arguments are text: all pairs' runbooks ask for 34,887 headings of
 * 702 distinct ones (a group's heading recurs in every runbook that has the group), and for the
 * same stop and skip lines pair after pair. The key is the arguments joined by NUL, which they
 * then must not hold; a call with nodes (a code span, a source list) just runs. Bounded: the map
 * starts over past LINES entries.
 */
function byText<R>(helper: (...args: unknown[]) => R): (...args: unknown[]) => R {
  const cache = new Map<string, R>();
  return (...args) => {
    const key = textKey(args);
    if (key === undefined) return helper(...args);
    let hit = cache.get(key);
    if (hit === undefined) {
      if (cache.size >= LINES) cache.clear();
      hit = helper(...args);
      cache.set(key, hit);
    }
    return hit;
  };
}

function textKey(args: unknown[]): string | undefined {
  const given = args.length - 1; // the options object is last
  let key = '';
  for (let i = 0; i < given; i++) {
    const arg = args[i];
    if (typeof arg !== 'string' && typeof arg !== 'number') return undefined;
    const text = String(arg);
    if (text.includes('\0')) return undefined;
    key = i === 0 ? text : `${key}\0${text}`;
  }
  return key;
}

/**
 * The helpers write final Markdown: `text` and `heading` build the line as mdast and let
 * remark-stringify escape it; `code`, `strong` and `sources` make its nodes; `fence` and `note`
 * write blocks inside a list item.
 */
export const HELPERS = {
  text: byText((...args: unknown[]) => paragraphText(pieces(args))),
  heading: byText((...args: unknown[]) => headingText(pieces(args))),
  code: (value: unknown) => code(String(value)),
  strong: (...args: unknown[]) => strong(...pieces(args)),
  sources: (urls: unknown) => (urls as string[]).flatMap((url, i): Piece[] => [...(i > 0 ? [' · '] : []), link(url, sourceLabel(url))]),
  fence: byText((value: unknown, indent: unknown) => fencedBlock(String(value), typeof indent === 'number' ? indent : 0)),
  note: (value: unknown, indent: unknown) => indentLines(notes().noteMarkdown(String(value)), typeof indent === 'number' ? indent : 0),
};

export const COMPILE = {
  noEscape: true,
  strict: true,
  // Declaring the helpers lets Handlebars call them directly instead of resolving each use.
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])),
};
