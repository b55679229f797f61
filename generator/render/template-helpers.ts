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
 * A helper memoised by what it is asked to write: all pairs' runbooks ask for 34,887 headings of
 * 702 distinct ones and 61,066 text lines of 8,329 (a group's heading, a stop's line, a source list
 * recur in every runbook that has them). The key joins the arguments with NUL; a code span, a
 * strong or a source list made by the helpers below stands for its own key (marked with U+0001).
 * Text holding either character, or any other object, and the helper just runs. Bounded: the map
 * starts over past LINES entries. Not text/bounded-memo.ts's LRU: its hit re-inserts the entry,
 * which made the first pass of all pairs ~50 ms (7%) slower in Markdown (measured).
 */
function byText<R>(helper: (...args: unknown[]) => R): (...args: unknown[]) => R {
  const cache = new Map<string, R>();
  return (...args) => {
    const key = textKey(args.slice(0, -1)); // the options object is last
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

const SEPARATORS = /[\0\u0001]/;
// The key of each node or list a helper made: fresh objects each time, so nothing is shared.
const madeKeys = new WeakMap<object, string>();

function textKey(args: unknown[]): string | undefined {
  let key = '';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    let part: string | undefined;
    if (typeof arg === 'string' || typeof arg === 'number') {
      part = String(arg);
      if (SEPARATORS.test(part)) return undefined;
    } else if (typeof arg === 'object' && arg !== null) part = madeKeys.get(arg);
    if (part === undefined) return undefined;
    key = i === 0 ? part : `${key}\0${part}`;
  }
  return key;
}

/** The helper's value, known by its arguments' key when they have one. */
function made<T extends object>(kind: string, args: unknown[], value: T): T {
  const key = textKey(args);
  if (key !== undefined) madeKeys.set(value, `\u0001${kind}${key}`);
  return value;
}

/**
 * The helpers write final Markdown: `text` and `heading` build the line as mdast and let
 * remark-stringify escape it; `code`, `strong` and `sources` make its nodes; `fence` and `note`
 * write blocks inside a list item.
 */
export const HELPERS = {
  text: byText((...args: unknown[]) => paragraphText(pieces(args))),
  heading: byText((...args: unknown[]) => headingText(pieces(args))),
  code: (value: unknown, _options: unknown) => made('c', [value], code(String(value))),
  strong: (...args: unknown[]) => made('b', args.slice(0, -1), strong(...pieces(args))),
  sources: (urls: unknown, _options: unknown) =>
    made(
      's',
      urls as string[],
      (urls as string[]).flatMap((url, i): Piece[] => [...(i > 0 ? [' · '] : []), link(url, sourceLabel(url))]),
    ),
  fence: byText((value: unknown, indent: unknown) => fencedBlock(String(value), typeof indent === 'number' ? indent : 0)),
  note: (value: unknown, indent: unknown) => indentLines(notes().noteMarkdown(String(value)), typeof indent === 'number' ? indent : 0),
};

export const COMPILE = {
  noEscape: true,
  strict: true,
  // Declaring the helpers lets Handlebars call them directly instead of resolving each use.
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])),
};
