import { buildRunbook, checkContent, ContentError, DEFAULT_CONTENT_DIR, formatReport, loadContent, plan, renderJson, renderMarkdown, UsageError } from '../index.ts';
import { parseCli, USAGE } from './args.ts';
import { formatPath } from './format-path.ts';
import { escapeForTerminal } from '../text/escape-terminal.ts';
import { handleStdoutErrors } from './stdout-errors.ts';
import { writeOutput } from './write-output.ts';

/** Runs one CLI invocation; returns the exit code. Output and errors go to the given streams. */
export function run(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): number {
  try {
    const args = parseCli(argv);
    if (args.command === 'help') {
      out.write(`${USAGE}\n`);
      return 0;
    }
    if (args.command === 'validate') {
      const { problems } = checkContent(args.content);
      if (problems.length) {
        err.write(`${formatReport(problems)}\n`);
        return 1;
      }
      out.write('Content is valid.\n');
      return 0;
    }
    const content = loadContent(args.content);
    const request = { from: args.from!, to: args.to!, services: args.services, fewestStops: args.fewestStops, utility: args.utility };
    if (args.command === 'path') {
      out.write(escapeForTerminal(formatPath(content, plan(content, request))));
      return 0;
    }
    const runbook = buildRunbook(content, request);
    const text = args.format === 'json' ? renderJson(runbook) : renderMarkdown(content, runbook);
    if (args.out) writeOutput(args.out, text, args.content ?? DEFAULT_CONTENT_DIR);
    else out.write(text);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`leapfrog: ${escapeForTerminal(error.message)}\n`);
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
  process.exitCode = run(process.argv.slice(2));
}
