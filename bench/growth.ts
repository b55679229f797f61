/**
 * How the generator's cost grows with the content: each synthetic variant (bench/synthetic.ts) in a
 * fresh process, against the real content measured in a fresh process just before it.
 *
 * Why a base per variant: this machine's speed drifts by up to ~30% over minutes (a shared host),
 * and one base measured minutes before a 15 s variant put that drift into the factor: on
 * 2026-12-03 one run said 6.07× the time for 2× series where the worker run by hand, base and
 * variant alternating, said 4.37× and 3.24×. Measured back to back, a slow or fast spell moves
 * base and variant together.
 */
import { rmSync } from 'node:fs';
import { type FirstPass, firstPass, type GeneratorSummary, generatorRun, summarise } from './generator-summary.ts';
import { bytes, factor, ms, table } from './stats.ts';
import { growContent } from './synthetic.ts';

export interface GrowthRow extends GeneratorSummary {
  /** The real content's first pass in the same (random) order, measured just before this variant. */
  base: FirstPass;
}

const VARIANTS = [
  { label: '2× series (history)', seriesFactor: 2, serviceFactor: 1, replay: 'history' },
  { label: '4× series (history)', seriesFactor: 4, serviceFactor: 1, replay: 'history' },
  { label: '2× series (SLURP era)', seriesFactor: 2, serviceFactor: 1, replay: 'slurp-era' },
  { label: '4× series (SLURP era)', seriesFactor: 4, serviceFactor: 1, replay: 'slurp-era' },
  { label: '2× services', seriesFactor: 1, serviceFactor: 2, replay: 'history' },
] as const;

export async function measureGrowth(contentDir: string, budgetMs: number, progress: (line: string) => void): Promise<GrowthRow[]> {
  const rows: GrowthRow[] = [];
  for (const v of VARIANTS) {
    progress(`growth: ${v.label} (budget ${budgetMs / 1000} s), after the real content again`);
    const near = await generatorRun(contentDir, Infinity, 'random', 1);
    const dir = growContent(contentDir, v);
    try {
      const run = await generatorRun(dir, budgetMs);
      rows.push({ ...summarise(v.label, run.result, run.peakRssBytes), base: firstPass(near.result, near.peakRssBytes) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

const outputOf = (x: GeneratorSummary) => x.mdBytes.totalEstimate + x.jsonBytes.totalEstimate;

/** Time grown against the variant's own base; bytes against the real content (they do not drift). */
export function timeFactor(x: GrowthRow): number {
  return x.totalMs / x.base.totalMs;
}

export function bytesFactor(x: GeneratorSummary, real: GeneratorSummary): number {
  return outputOf(x) / outputOf(real);
}

export function growthTables(real: GeneratorSummary, grown: GrowthRow[]): string {
  const est = (x: GeneratorSummary) => (x.complete ? '' : '~');
  const sizes = table([
    [
      'content',
      'series',
      'services',
      'pairs',
      'measured',
      'load',
      'total',
      'CPU',
      'median/runbook',
      'p95/runbook',
      'warm median',
      'stops mean',
      'MD mean',
      'output',
      'peak RSS',
    ],
    ...[real, ...grown].map((x) => [
      x.label,
      String(x.series),
      String(x.services),
      String(x.pairs),
      String(x.measuredPairs),
      ms(x.loadMs),
      `${est(x)}${ms(x.totalMs)}`,
      `${est(x)}${ms(x.totalCpuMs)}`,
      ms(x.perRunbook.median),
      ms(x.perRunbook.p95),
      ms(x.warmPerRunbook.median),
      x.stops.mean.toFixed(1),
      bytes(x.mdBytes.mean),
      `${est(x)}${bytes(outputOf(x))}`,
      bytes(x.peakRssBytes),
    ]),
  ]);
  const factors = table([
    [
      'content',
      'real content just before',
      'pairs',
      'pairs × services',
      'total time',
      'output bytes',
      'mean runbook time',
      'mean runbook size',
      'time per (pair × service)',
    ],
    ...grown.map((x) => {
      const ps = (x.pairs * x.services) / (real.pairs * real.services);
      return [
        x.label,
        ms(x.base.totalMs),
        factor(x.pairs / real.pairs),
        factor(ps),
        factor(timeFactor(x)),
        factor(bytesFactor(x, real)),
        factor(x.perRunbook.mean / x.base.perRunbook.mean),
        factor(x.mdBytes.mean / real.mdBytes.mean),
        factor(timeFactor(x) / ps),
      ];
    }),
  ]);
  return `${sizes}\n\nGrowth factors, time against the real content measured just before each variant:\n\n${factors}`;
}
