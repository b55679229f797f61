/**
 * `npm run build:site [-- OUT]`: the Astro site into OUT (default dist/site), all or nothing.
 * Content is validated first (the validator's report, exit 1, when invalid); Astro builds into a
 * sibling temp folder, Pagefind indexes it, and only then does it replace OUT.
 * LEAPFROG_CONTENT picks another content folder (tests use it).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ContentError, loadContent } from '../../generator/index.ts';
import { replaceDir } from '../../generator/publish/write-tree.ts';

const siteRoot = resolve(import.meta.dirname, '..');

async function main(argv: string[]): Promise<number> {
  const out = resolve(argv[0] ?? 'dist/site');
  const contentDir = resolve(process.env.LEAPFROG_CONTENT ?? 'content');
  try {
    loadContent(contentDir);
  } catch (error) {
    process.stderr.write(`${error instanceof ContentError ? error.report : `leapfrog site: ${(error as Error).message}`}\n`);
    return 1;
  }
  const started = performance.now();
  mkdirSync(dirname(out), { recursive: true });
  const temp = mkdtempSync(`${out}.tmp-`);
  try {
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    process.env.LEAPFROG_CONTENT = contentDir;
    process.env.LEAPFROG_SITE_OUT = `${temp}/`;
    const { build } = await import('astro');
    await build({ root: siteRoot, logLevel: process.env.LEAPFROG_SITE_LOG === 'info' ? 'info' : 'warn' });
    const astroMs = performance.now() - started;
    const pages = await indexSearch(temp);
    replaceDir(temp, out);
    process.stdout.write(`Built the site into ${out} in ${Math.round(performance.now() - started)} ms (astro ${Math.round(astroMs)} ms; search index: ${pages} pages)\n`);
    return 0;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    process.stderr.write(`${error instanceof ContentError ? error.report : `leapfrog site: ${(error as Error).stack ?? error}`}\n`);
    return 1;
  }
}

/** Pagefind over the series pages (their data-pagefind-body): every service's steps and notes, once. */
async function indexSearch(dir: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir, glob: 'series/**/*.html' });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: resolve(dir, 'pagefind') });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
