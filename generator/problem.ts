import { escapeForTerminal } from './text/escape-terminal.ts';

/** One thing wrong with the content, placed in its file. */
export interface Problem {
  /** Path of the file, relative to the working directory. */
  file: string;
  line: number;
  column: number;
  /** Short stable name of the rule that found it, e.g. `unknown-key`. */
  ruleId: string;
  /** What was found and what was expected. */
  message: string;
}

/** One line; file names and messages quote content, so unsafe characters are shown escaped. */
export function formatProblem(p: Problem): string {
  return escapeForTerminal(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.ruleId}]`, true);
}

/** Stable order: by file, then position, then rule, so output never depends on discovery order. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId) || compare(a.message, b.message),
  );
}

export function formatReport(problems: Problem[]): string {
  const lines = sortProblems(problems).map(formatProblem);
  const n = problems.length;
  lines.push(`${n} ${n === 1 ? 'problem' : 'problems'} found`);
  return lines.join('\n');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
