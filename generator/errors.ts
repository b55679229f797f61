/** A mistake in how Leapfrog was called: printed as one line, no stack trace, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Content that does not validate: printed as positioned problems, exit 1. */
export class ContentError extends Error {
  override name = 'ContentError';
  readonly report: string;
  constructor(report: string) {
    super('Content is not valid');
    this.report = report;
  }
}
