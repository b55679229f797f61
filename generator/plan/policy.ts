import type { Content, Series } from '../content.ts';

/**
 * `tested`: upstream's supported path. Before 2023.1 upstream tested N -> N+1 only; a SLURP series
 * is tested from the previous SLURP series, every other series from the one before it.
 * `fewest`: only what the data demands (min start and blockers).
 */
export type Policy = 'tested' | 'fewest';

/** Oldest series upstream tests an upgrade to `series` from, as an index into `content.series`. */
export function testedFloor(content: Content, series: Series): number {
  const i = content.indexOf(series.id);
  if (series.slurp) {
    for (let j = i - 1; j >= 0; j--) if (content.series[j].slurp) return j;
  }
  return i - 1;
}

export function describeTested(content: Content, series: Series, floor: number): string {
  const from = content.series[floor];
  return series.slurp && from?.slurp
    ? `upstream tests ${series.name} (SLURP) from ${from.name}, the previous SLURP series`
    : `upstream tests ${series.name} from ${from?.name ?? 'the previous series'} only (N to N+1)`;
}
