/**
 * `npm run build:site [-- OUT]`: the Astro site into OUT (default dist/site), all or nothing.
 * Content is validated first (the validator's report, exit 1, when invalid); Astro builds into a
 * sibling temp folder, Pagefind indexes it, and only then does it replace OUT.
 * LEAPFROG_CONTENT picks another content folder (tests use it).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ContentError, loadContent, type Content } from '../../generator/index.ts';
import { runbookSearchPages } from './search-records.ts';
import { checkScale } from '../../generator/publish/scale.ts';
import { makeTempDir, removeStaleTemps, replaceDir } from '../../generator/publish/temp-dirs.ts';
import { escapeForTerminal } from '../../generator/text/escape-terminal.ts';

const siteRoot = resolve(import.meta.dirname, '..');
/**
 * Astro renders from chunks it writes into its output folder, which import packages from
 * node_modules: so it always builds inside the checkout, and the result is moved out after.
 */
const WORK = resolve(siteRoot, '../node_modules/.cache/leapfrog-site/out');

/** Builds the site for `contentDir` into `dest`, which must not exist yet; returns pages indexed. */
export async function buildSiteInto(dest: string, contentDir: string): Promise<number> {
  mkdirSync(WORK, { recursive: true });
  removeStaleTemps(join(WORK, 'site'));
  const work = mkdtempSync(join(WORK, `site.tmp-${process.pid}-`));
  try {
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    process.env.LEAPFROG_CONTENT = contentDir;
    process.env.LEAPFROG_SITE_OUT = `${work}/`;
    const { build } = await import('astro');
    await build({ root: siteRoot, logLevel: process.env.LEAPFROG_SITE_LOG === 'info' ? 'info' : 'warn' });
    await bundleAssets(work);
    const pages = await indexSearch(work, loadContent(contentDir));
    moveDir(work, dest);
    return pages;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The page scripts and the stylesheet (site/public/*.js, *.css, copied as they are) bundled and
 * minified in the output: one request each, though the sources are split into modules by concern
 * (public/runbook/, public/css/), whose copies then go. Comments and names say why in the source,
 * and a runbook page stays under 15 KB of JavaScript.
 */
async function bundleAssets(dir: string): Promise<void> {
  const { build } = await import('esbuild');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js') || n.endsWith('.css'))) {
    const path = join(dir, name);
    const r = await build({
      entryPoints: [path],
      bundle: true,
      minify: true,
      format: name.endsWith('.js') ? 'iife' : undefined,
      target: 'es2022',
      legalComments: 'none',
      write: false,
      logLevel: 'silent',
    });
    writeFileSync(path, r.outputFiles[0]?.contents ?? '');
  }
  for (const modules of BUNDLED) rmSync(join(dir, modules), { recursive: true, force: true });
}

/** The folders of modules that bundleAssets folds into their entry files. */
const BUNDLED = ['runbook', 'css'];

/** One line for the operator, no stack trace (LEAPFROG_DEBUG=1 shows it): a full disk is not a bug. */
export function describeFailure(error: unknown, prefix: string): string {
  if (error instanceof ContentError) return error.report;
  const e = error as NodeJS.ErrnoException;
  const detail = process.env.LEAPFROG_DEBUG ? `\n${e.stack}` : '';
  const hint = e.code === 'ENOSPC' ? ': no space left on the device' : '';
  return `${prefix}: ${escapeForTerminal(String(e.message ?? e).split('\n')[0] ?? '', true)}${hint}${detail}`;
}

function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
  }
}

async function main(argv: string[]): Promise<number> {
  const out = resolve(argv[0] ?? 'dist/site');
  const contentDir = resolve(process.env.LEAPFROG_CONTENT ?? 'content');
  try {
    checkScale(loadContent(contentDir));
  } catch (error) {
    process.stderr.write(`${describeFailure(error, 'leapfrog site')}\n`);
    return 1;
  }
  const started = performance.now();
  const temp = makeTempDir(out);
  try {
    const site = join(temp, 'site');
    const pages = await buildSiteInto(site, contentDir);
    replaceDir(site, out);
    rmSync(temp, { recursive: true, force: true });
    process.stdout.write(`Built the site into ${out} in ${Math.round(performance.now() - started)} ms (search index: ${pages} pages)\n`);
    return 0;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    process.stderr.write(`${describeFailure(error, 'leapfrog site')}\n`);
    return 1;
  }
}

/**
 * What Pagefind writes that the search page (pagefind-ui.js, English only: forceLanguage) never
 * loads: the component and modular UIs, the highlighter, the WebAssembly for unknown languages.
 */
const UNUSED_PAGEFIND = [
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
  'wasm.unknown.pagefind',
];

/**
 * Pagefind over the series pages (their data-pagefind-body): every service's steps and notes, once;
 * and small records for the runbooks and their step ids (search-records.ts).
 */
async function indexSearch(dir: string, content: Content): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir, glob: 'series/**/*.html' });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    for (const record of runbookSearchPages(content)) {
      const r = await index.addHTMLFile(record);
      if (r.errors.length) throw new Error(`pagefind: ${r.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: resolve(dir, 'pagefind') });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    for (const name of UNUSED_PAGEFIND) rmSync(resolve(dir, 'pagefind', name), { force: true });
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
