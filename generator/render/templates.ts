import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { CACHE_DIR, TEMPLATES_DIR } from '../paths.ts';
import { flat } from '../text/bounded-memo.ts';
import { fingerprint } from '../text/fingerprint.ts';
import { COMPILE, HELPERS } from './template-helpers.ts';
import { isSharedView } from './view-model.ts';

export { TEMPLATES_DIR };

export type Template = (context: object) => string;

const cache = new Map<string, Template>();
const require = createRequire(import.meta.url);
// The runtime is the package's own subset of the Handlebars API (its typings describe the whole).
const Runtime = HandlebarsRuntime as unknown as typeof import('handlebars');

/**
 * A step's Markdown depends on the step alone, and a shared step (plan/step-identity.ts) recurs in
 * hundreds of pair runbooks: its Markdown is written once per process, kept by its view object.
 */
function memoPartial(partial: HandlebarsTemplateDelegate): HandlebarsTemplateDelegate {
  const written = new WeakMap<object, string>();
  return (context, options) => {
    if (!isSharedView(context)) return partial(context, options);
    let text = written.get(context);
    if (text === undefined) {
      // Flat: a runbook is then a few hundred pieces to copy, not the thousands Handlebars joined.
      text = flat(partial(context, options));
      written.set(context, text);
    }
    return text;
  };
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
  const hbs = Runtime.create();
  hbs.registerHelper(HELPERS);
  const partials = join(dir, 'partials');
  for (const file of readdirSync(partials).sort()) {
    if (!file.endsWith('.md.hbs')) continue;
    const partial = file.slice(0, -'.md.hbs'.length);
    const compiled = hbs.template(precompiled(readFileSync(join(partials, file), 'utf8')));
    hbs.registerPartial(partial, partial === 'step' ? memoPartial(compiled) : compiled);
  }
  const compiled = hbs.template(precompiled(readFileSync(join(dir, `${name}.md.hbs`), 'utf8')));
  const template: Template = (context) => compiled(context);
  cache.set(key, template);
  return template;
}

/**
 * A template compiled to JavaScript, kept by the hash of its source: a start loads the small
 * Handlebars runtime, and the compiler only when a template changed.
 */
function precompiled(source: string): TemplateSpecification {
  const file = join(CACHE_DIR, 'templates', `${fingerprint(JSON.stringify(COMPILE), source)}.cjs`);
  try {
    return require(file) as TemplateSpecification;
  } catch {
    const compiler = require('handlebars') as typeof import('handlebars');
    const spec = `module.exports = ${compiler.precompile(source, COMPILE)};\n`;
    try {
      mkdirSync(join(CACHE_DIR, 'templates'), { recursive: true });
      writeFileSync(`${file}.${process.pid}.tmp`, spec);
      renameSync(`${file}.${process.pid}.tmp`, file);
      return require(file) as TemplateSpecification;
    } catch {
      // a read-only checkout: compile in memory every time
      return new Function('module', `${spec}return module.exports;`)({}) as TemplateSpecification;
    }
  }
}
