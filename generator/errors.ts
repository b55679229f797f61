import { formatReport, type Problem } from './problem.ts';

/** A mistake in how Leapfrog was called: printed as one line, no stack trace, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Content that does not validate: printed as positioned problems, exit 1. */
export class ContentError extends Error {
  override name = 'ContentError';
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super('Content is not valid');
    this.problems = problems;
  }

  /** Every problem, one positioned line each, and the count. */
  get report(): string {
    return formatReport(this.problems);
  }
}
