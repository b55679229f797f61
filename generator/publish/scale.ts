import type { Content } from '../content.ts';
import { forwardPairs } from './forward-pairs.ts';

/**
 * What one build can write. A runbook grows with the series it crosses and the services it
 * covers, so the output of a build grows with Σ over pairs of (series crossed × services): on
 * the real content (25 series, 9 services) that is 23,280 units for 150 MB of runbooks in ~13 s,
 * about 6.4 KB a unit; 49 series (176 k units) wrote 933 MB in 65-100 s. The limit keeps a
 * build to a few GB and minutes (200 series × 9 services: 12 M units, ~77 GB); past it, fail before
 * writing anything rather than run out of heap or disk hours later.
 */
export const MAX_BUILD_UNITS = 400_000;
const BYTES_PER_UNIT = 6_400;

export function buildUnits(content: Content): number {
  let units = 0;
  for (const [from, to] of forwardPairs(content)) {
    const crossed = content.indexOf(to.id) - content.indexOf(from.id);
    units += crossed * content.services.filter((s) => content.release(to.id, s.id)).length;
  }
  return units;
}

/** Throws a one-line explanation when the build would be past what it can do. */
export function checkScale(content: Content): void {
  const units = buildUnits(content);
  if (units <= MAX_BUILD_UNITS) return;
  const pairs = forwardPairs(content).length;
  const gb = (n: number) => `${((n * BYTES_PER_UNIT) / 1e9).toFixed(1)} GB`;
  throw new Error(
    `${content.series.length} series × ${content.services.length} services make ${pairs} runbook pairs, about ${gb(units)} of runbooks; a build writes at most about ${gb(MAX_BUILD_UNITS)} (${MAX_BUILD_UNITS} series-crossed × services units, found ${units}): build from a content folder with fewer series or services`,
  );
}
