/**
 * What the bench holds the generator, the CLI and the site to (issue 15's targets, and the site's
 * page budgets), in one place: the console report, README's table and results.json read these.
 */
export const TARGETS = {
  /** Every forward pair, all services, to Markdown and JSON, in one fresh process. */
  allPairsMs: 1500,
  /** Per runbook, first pass, median (plan + Markdown + JSON). */
  runbookMs: 2,
  /** Peak RSS of that process. */
  peakRssBytes: 400 * 1024 * 1024,
  /** `node bin/leapfrog.js runbook --from kilo --to newton`, cold, median. */
  cliMs: 300,
  siteMs: 30_000,
  htmlBytes: 80 * 1024,
  jsBytes: 15 * 1024,
} as const;

/** The cold start TARGETS.cliMs is for. */
export const CLI_TARGET_LABEL = 'node bin/leapfrog.js runbook --from kilo --to newton';
