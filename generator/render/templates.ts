import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { BoundedCache } from '../text/bounded-memo.ts';
import { sourceLabel } from '../text/source-label.ts';
import { fencedBlock, indentLines } from './markdown/blocks.ts';
import { noteMarkdown } from './markdown/note-markdown.ts';
import { code, headingText, link, paragraphText, type Piece, strong } from './markdown/phrasing.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export type Template = (context: object) => string;

const cache = new Map<string, Template>();

/** A helper's arguments, less the options object Handlebars passes last; numbers read as text. */
function pieces(args: unknown[]): Piece[] {
  return args.slice(0, -1).map((a) => (typeof a === 'number' ? String(a) : (a as Piece)));
}

/**
 * The helpers write final Markdown: `text` and `heading` build the line as mdast and let
 * remark-stringify escape it; `code`, `strong` and `sources` make its nodes; `fence` and `note`
 * write blocks inside a list item.
 */
const HELPERS = {
  text: (...args: unknown[]) => paragraphText(pieces(args)),
  heading: (...args: unknown[]) => headingText(pieces(args)),
  code: (value: unknown) => code(String(value)),
  strong: (...args: unknown[]) => strong(...pieces(args)),
  sources: (urls: unknown) => (urls as string[]).flatMap((url, i): Piece[] => [...(i > 0 ? [' · '] : []), link(url, sourceLabel(url))]),
  fence: (value: unknown, indent: unknown) => fencedBlock(String(value), typeof indent === 'number' ? indent : 0),
  note: (value: unknown, indent: unknown) => indentLines(noteMarkdown(String(value)), typeof indent === 'number' ? indent : 0),
};

const COMPILE = {
  noEscape: true,
  strict: true,
  // Declaring the helpers lets Handlebars call them directly instead of resolving each use.
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])),
};

/**
 * A step's Markdown depends on the step alone, and the same step recurs in hundreds of pair
 * runbooks: each distinct one is written once per process (bounded, like every cache here).
 */
function memoPartial(partial: HandlebarsTemplateDelegate): HandlebarsTemplateDelegate {
  const cache = new BoundedCache<string>(64_000_000, (key, text) => key.length + text.length);
  return (context, options) => cache.get(JSON.stringify(context), () => partial(context, options));
}

/**
 * Compiles `templates/<name>.md.hbs` with the partials in `templates/partials/`, once per process.
 * HTML escaping is off: the output is Markdown, and commands must come out byte for byte; text
 * goes through the helpers, which escape Markdown instead.
 */
export function loadTemplate(name: string, dir = TEMPLATES_DIR): Template {
  const key = `${dir}\0${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const hbs = Handlebars.create();
  hbs.registerHelper(HELPERS);
  const partials = join(dir, 'partials');
  for (const file of readdirSync(partials).sort()) {
    if (!file.endsWith('.md.hbs')) continue;
    const name = file.slice(0, -'.md.hbs'.length);
    const source = readFileSync(join(partials, file), 'utf8');
    hbs.registerPartial(name, name === 'step' ? memoPartial(hbs.compile(source, COMPILE)) : source);
  }
  const compiled = hbs.compile(readFileSync(join(dir, `${name}.md.hbs`), 'utf8'), COMPILE);
  const template: Template = (context) => compiled(context);
  cache.set(key, template);
  return template;
}
