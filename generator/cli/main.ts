import type { Content } from '../content.ts';
import { ContentError, UsageError } from '../errors.ts';
import { lazyModule } from '../lazy.ts';
import { readSnapshot } from '../load/snapshot.ts';
import { DEFAULT_CONTENT_DIR } from '../paths.ts';
import { buildRunbook } from '../plan/build-runbook.ts';
import { PlanError } from '../plan/plan-error.ts';
import { plan } from '../plan/plan.ts';
import { formatReport } from '../problem.ts';
import { renderMarkdown } from '../render/render-markdown.ts';
import { renderJson } from '../render/to-json.ts';
import { parseCli, USAGE } from './args.ts';
import { formatPath } from './format-path.ts';
import { escapeForTerminal } from '../text/escape-terminal.ts';
import { handleStdoutErrors } from './stdout-errors.ts';
import { writeOutput } from './write-output.ts';

/**
 * The YAML reader and the validator (yaml, zod and every rule) load only when needed: for
 * `validate`, or when no snapshot of this content exists yet.
 */
const loader = lazyModule<typeof import('../load-content.ts')>('load-content');

function contentAt(dir = DEFAULT_CONTENT_DIR): Content {
  return readSnapshot(dir, { lazy: true }) ?? loader().loadContent(dir);
}

/** Runs one CLI invocation; returns the exit code. Output and errors go to the given streams. */
export function run(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): number {
  try {
    const args = parseCli(argv);
    if (args.command === 'help') {
      out.write(`${USAGE}\n`);
      return 0;
    }
    if (args.command === 'validate') {
      const { problems } = loader().checkContent(args.content);
      if (problems.length) {
        err.write(`${formatReport(problems)}\n`);
        return 1;
      }
      out.write('Content is valid.\n');
      return 0;
    }
    const content = contentAt(args.content);
    const request = { from: args.from!, to: args.to!, services: args.services, fewestStops: args.fewestStops, utility: args.utility };
    if (args.command === 'path') {
      out.write(escapeForTerminal(formatPath(plan(content, request))));
      return 0;
    }
    const runbook = buildRunbook(content, request);
    const text = args.format === 'json' ? renderJson(runbook) : renderMarkdown(runbook);
    if (args.out) writeOutput(args.out, text, args.content ?? DEFAULT_CONTENT_DIR);
    else out.write(text);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof PlanError) {
      const message = error instanceof PlanError ? error.describe((field) => `--${field}`) : error.message;
      err.write(`leapfrog: ${escapeForTerminal(message)}\n`);
      return 2;
    }
    if (error instanceof ContentError) {
      err.write(`${error.report}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).syscall) {
      // The system refused (a full disk, a file size limit, permissions): not a bug, say what.
      err.write(`leapfrog: ${escapeForTerminal((error as Error).message)}\n`);
      return 1;
    }
    err.write(`leapfrog: internal error: ${escapeForTerminal(String((error as Error).message))}\n`);
    return 3;
  }
}

if (import.meta.main) {
  handleStdoutErrors();
  const argv = process.argv.slice(2);
  // rehearse runs real code for minutes and is asynchronous: it has its own entry and options.
  process.exitCode = argv[0] === 'rehearse' ? await (await import('../rehearse/cli.ts')).rehearseMain(argv.slice(1)) : run(argv);
}
