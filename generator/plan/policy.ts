import type { Series } from '../content.ts';

/**
 * `tested`: upstream's supported path. Before 2023.1 upstream tested N -> N+1 only; a SLURP series
 * is tested from the previous SLURP series, every other series from the one before it
 * (Timeline.testedFloor). `fewest`: only what the data demands (min start and blockers).
 */
export type Policy = 'tested' | 'fewest';

export function describeTested(series: Series, from: Series | undefined): string {
  return series.slurp && from?.slurp
    ? `upstream tests ${series.name} (SLURP) from ${from.name}, the previous SLURP series`
    : `upstream tests ${series.name} from ${from?.name ?? 'the previous series'} only (N to N+1)`;
}
