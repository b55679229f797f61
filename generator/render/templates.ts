import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { boundedMemo } from '../refine/block-cache.ts';
import { escapeText, fencedBlock, indentLines, inlineCode } from './markdown-text.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export type Template = (context: object) => string;

const cache = new Map<string, Template>();

/**
 * Compiles `templates/<name>.md.hbs` with the partials in `templates/partials/`, once per process.
 * HTML escaping is off: the output is Markdown, and commands must come out byte for byte; text
 * goes through the `text` helper, which escapes Markdown instead.
 */
export function loadTemplate(name: string, dir = TEMPLATES_DIR): Template {
  const key = `${dir}\0${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const hbs = Handlebars.create();
  // The same titles, notes and commands recur across hundreds of pairs: escape each once.
  const text = boundedMemo(escapeText);
  const code = boundedMemo(inlineCode);
  hbs.registerHelper({
    text: (value: unknown) => text(Array.isArray(value) ? value.join(', ') : String(value)),
    cell: (value: unknown) => text(Array.isArray(value) ? value.join('; ') : String(value)),
    code: (value: unknown) => code(String(value)),
    indent: (value: unknown, width: unknown) => indentLines(String(value), typeof width === 'number' ? width : 0),
    fence: (value: unknown, indent: unknown) => fencedBlock(String(value), typeof indent === 'number' ? indent : 0),
  });
  const partials = join(dir, 'partials');
  for (const file of readdirSync(partials).sort()) {
    if (file.endsWith('.md.hbs')) hbs.registerPartial(file.slice(0, -'.md.hbs'.length), readFileSync(join(partials, file), 'utf8'));
  }
  const compiled = hbs.compile(readFileSync(join(dir, `${name}.md.hbs`), 'utf8'), {
    noEscape: true,
    strict: true,
    // Declaring the helpers lets Handlebars call them directly instead of resolving each use.
    knownHelpers: { text: true, cell: true, code: true, fence: true, indent: true },
  });
  const template: Template = (context) => compiled(context);
  cache.set(key, template);
  return template;
}
