import { resolve } from 'node:path';
import { loadContent } from '../load-content.ts';
import { runbookFiles } from '../publish/runbook-files.ts';
import { writeTree } from '../publish/write-tree.ts';
import { ContentError } from '../errors.ts';
import { checkScale } from '../publish/scale.ts';
import { escapeForTerminal } from '../text/escape-terminal.ts';

/** `npm run build:runbooks`: every forward pair's runbook into dist/runbooks, or nothing at all. */
function main(argv: string[]): number {
  const out = resolve(argv[0] ?? 'dist/runbooks');
  const contentDir = argv[1];
  try {
    const content = loadContent(contentDir);
    checkScale(content);
    const started = performance.now();
    const files = writeTree(out, runbookFiles(content));
    process.stdout.write(`Wrote ${files} runbook files to ${out} in ${Math.round(performance.now() - started)} ms\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof ContentError ? error.report : `leapfrog build: ${escapeForTerminal((error as Error).message)}`}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
