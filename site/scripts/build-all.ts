/**
 * `npm run build [-- DIST]`: every pair's runbook into DIST/runbooks and the site into DIST/site,
 * as one swap: both are built into a sibling temp folder that replaces DIST only when both are
 * whole, so a failure or a kill during the site step never leaves new runbooks beside an old site.
 * LEAPFROG_CONTENT picks another content folder.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadContent } from '../../generator/index.ts';
import { runbookFiles } from '../../generator/publish/runbook-files.ts';
import { makeTempDir, replaceDir } from '../../generator/publish/temp-dirs.ts';
import { writeFiles } from '../../generator/publish/write-tree.ts';
import { checkScale } from '../../generator/publish/scale.ts';
import { buildSiteInto, describeFailure } from './build.ts';

async function main(argv: string[]): Promise<number> {
  const dist = resolve(argv[0] ?? 'dist');
  const contentDir = resolve(process.env.LEAPFROG_CONTENT ?? 'content');
  let temp: string | undefined;
  try {
    const started = performance.now();
    const content = loadContent(contentDir);
    checkScale(content);
    temp = makeTempDir(dist);
    const files = writeFiles(join(temp, 'runbooks'), runbookFiles(content));
    process.stdout.write(`Wrote ${files} runbook files in ${Math.round(performance.now() - started)} ms\n`);
    const pages = await buildSiteInto(join(temp, 'site'), contentDir);
    replaceDir(temp, dist);
    process.stdout.write(`Built ${dist}/runbooks and ${dist}/site in ${Math.round(performance.now() - started)} ms (search index: ${pages} pages)\n`);
    return 0;
  } catch (error) {
    if (temp) rmSync(temp, { recursive: true, force: true });
    process.stderr.write(`${describeFailure(error, 'leapfrog build')}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
