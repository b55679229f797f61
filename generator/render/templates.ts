import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { CACHE_DIR, TEMPLATES_DIR } from '../paths.ts';
import { fingerprint } from '../text/fingerprint.ts';
import { ownBytes, Utf8Builder, Utf8Text } from '../text/utf8-text.ts';
import { COMPILE, HELPERS } from './template-helpers.ts';
import { fieldsRead } from './template-fields.ts';
import { isSharedGroup, isSharedView, KEPT, KEPT_GROUP } from './view-model.ts';
import { memoByFields } from './step-parts.ts';

export { TEMPLATES_DIR };

export type Template = (context: object) => string;

const cache = new Map<string, Template>();
const require = createRequire(import.meta.url);
// The runtime is the package's own subset of the Handlebars API (its typings describe the whole).
const Runtime = HandlebarsRuntime as unknown as typeof import('handlebars');

/** Stands in the template's output for a shared step's or group's text, which goes into the pieces as its own bytes. */
const PIECE = '\u0002';
let pieces: (Uint8Array | Utf8Text)[] | undefined;

/**
 * A step's Markdown depends on the step alone, and a shared step (plan/step-identity.ts) recurs in
 * hundreds of pair runbooks: its Markdown is written and encoded once per process, kept in its
 * view object. Content can hold no C0 control (validate/safe-text.ts), so PIECE marks only these.
 */
function memoPartial(partial: HandlebarsTemplateDelegate): HandlebarsTemplateDelegate {
  return (context, options) => {
    if (!pieces || !isSharedView(context)) return partial(context, options);
    let bytes = context[KEPT];
    if (!bytes) {
      bytes = ownBytes(partial(context, options));
      context[KEPT] = bytes;
    }
    pieces.push(bytes);
    return PIECE;
  };
}

/**
 * A group of shared steps (a stop's work for one service) recurs whole in hundreds of runbooks:
 * its Markdown is kept as the pieces it is made of, its steps' bytes by reference, so a runbook
 * takes it in one look-up instead of walking its steps through the templates.
 */
function memoGroup(partial: HandlebarsTemplateDelegate): HandlebarsTemplateDelegate {
  return (context, options) => {
    if (!pieces || !isSharedGroup(context)) return partial(context, options);
    let text = context[KEPT_GROUP];
    if (!text) {
      text = collect(() => partial(context, options));
      context[KEPT_GROUP] = text;
    }
    pieces.push(text);
    return PIECE;
  };
}

/** Renders a template to UTF-8 pieces: its own text around the shared steps' encoded Markdown. */
export function renderPieces(template: Template, context: object): Utf8Text {
  return collect(() => template(context));
}

function collect(render: () => string): Utf8Text {
  const shared: (Uint8Array | Utf8Text)[] = [];
  const between = withPieces(shared, render).split(PIECE);
  // Text outside the steps that holds PIECE itself (nothing validated can): rendered whole instead.
  if (between.length !== shared.length + 1) return withPieces(undefined, () => new Utf8Builder().text(render()).done());
  const out = new Utf8Builder();
  shared.forEach((piece, i) => {
    out.text(between[i] as string);
    if (piece instanceof Utf8Text) out.append(piece);
    else out.piece(piece);
  });
  return out.text(between[shared.length] as string).done();
}

/** Runs `render` with the shared texts it meets going to `list` (undefined: written inline), then back to the outer list. */
function withPieces<T>(list: (Uint8Array | Utf8Text)[] | undefined, render: () => T): T {
  const outer = pieces;
  pieces = list;
  try {
    return render();
  } finally {
    pieces = outer;
  }
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
    const { spec, fields } = precompiled(readFileSync(join(partials, file), 'utf8'));
    const compiled = hbs.template(spec);
    hbs.registerPartial(partial, memoized(partial, compiled, fields));
  }
  const compiled = hbs.template(precompiled(readFileSync(join(dir, `${name}.md.hbs`), 'utf8')).spec);
  const template: Template = (context) => compiled(context);
  cache.set(key, template);
  return template;
}

/**
 * `step` is kept whole by its view; a part of it (`step-*.md.hbs`) by the fields it reads, so the
 * step that differs from one seen before only in its notes (a note pointing back to an earlier
 * stop: a new step for every source series) reuses the rest of that step's Markdown.
 */
function memoized(name: string, partial: HandlebarsTemplateDelegate, fields: string[] | undefined): HandlebarsTemplateDelegate {
  if (name === 'step') return memoPartial(partial);
  if (name === 'group') return memoGroup(partial);
  if (name.startsWith('step-') && fields) return memoByFields(partial, fields);
  return partial;
}

interface Precompiled {
  spec: TemplateSpecification;
  /** The top-level fields it reads (template-fields.ts), or undefined. */
  fields: string[] | undefined;
}

// Bumped when what a cache file holds changes shape.
const CACHE_FORMAT = '2';

/**
 * A template compiled to JavaScript, kept by the hash of its source: a start loads the small
 * Handlebars runtime, and the compiler only when a template changed.
 */
function precompiled(source: string): Precompiled {
  const file = join(CACHE_DIR, 'templates', `${fingerprint(CACHE_FORMAT, JSON.stringify(COMPILE), source)}.cjs`);
  try {
    return require(file) as Precompiled;
  } catch {
    const compiler = require('handlebars') as typeof import('handlebars');
    const fields = fieldsRead(compiler.parse(source), Object.keys(COMPILE.knownHelpers));
    const spec = `module.exports = { spec: ${compiler.precompile(source, COMPILE)}, fields: ${JSON.stringify(fields ?? null)} ?? undefined };\n`;
    try {
      mkdirSync(join(CACHE_DIR, 'templates'), { recursive: true });
      writeFileSync(`${file}.${process.pid}.tmp`, spec);
      renameSync(`${file}.${process.pid}.tmp`, file);
      return require(file) as Precompiled;
    } catch {
      // a read-only checkout: compile in memory every time
      return new Function('module', `${spec}return module.exports;`)({}) as Precompiled;
    }
  }
}
