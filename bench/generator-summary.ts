/**
 * One generator measurement: a fresh child process renders every pair (bench/generator-worker.ts),
 * and its per-runbook timings and sizes are summarised, extrapolated to all pairs when the time
 * budget stopped it early.
 */
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { PairOrder, RunbookTiming, WorkerResult } from './generator-worker.ts';
import { runTree } from './proc-tree.ts';
import { max, mean, median, percentile, sum } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '..');

export interface GeneratorSummary {
  label: string;
  series: number;
  services: number;
  pairs: number;
  measuredPairs: number;
  complete: boolean;
  loadMs: number;
  /** Pass 1 wall time, extrapolated to all pairs when the budget stopped it early. */
  totalMs: number;
  /** Pass 1 CPU time (user + system, all threads incl. GC), extrapolated likewise. */
  totalCpuMs: number;
  /** 1-minute load average when the measurement started (other work on the machine skews wall times). */
  loadAverage: number;
  perRunbook: { median: number; p95: number; max: number; mean: number };
  /** tinybench's statistics of the warm pass (bench/warm.ts); it reports p99, not p95. */
  warmPerRunbook: { median: number; p99: number; max: number };
  /** Pass 1 per stage; `writeMs`: writing the texts to /dev/null (writev of their pieces), outside the library. */
  split: { planMs: number; jsonMs: number; markdownMs: number; writeMs: number };
  warmSplitMedian: { planMs: number; jsonMs: number; markdownMs: number };
  stops: { mean: number; max: number };
  mdBytes: { median: number; max: number; mean: number; totalEstimate: number };
  jsonBytes: { median: number; max: number; mean: number; totalEstimate: number };
  peakRssBytes: number;
  /** The same content's first pass in the order `npm run build` takes the pairs, when measured. */
  buildOrder?: FirstPass;
}

/** A first pass alone: what one fresh process paid for all pairs, in one order. */
export interface FirstPass {
  order: PairOrder;
  totalMs: number;
  totalCpuMs: number;
  perRunbook: { median: number; p95: number; mean: number };
  /** Minor page faults and system CPU time of the pass (not extrapolated: what the pairs done cost). */
  pageFaults: number;
  systemMs: number;
  peakRssBytes: number;
  /** When the pass was measured in several fresh processes: each one's wall time (the figures above are their medians). */
  runsMs?: number[];
}

const total = (r: RunbookTiming) => r.planMs + r.jsonMs + r.markdownMs;

export function firstPass(w: WorkerResult, peakRssBytes: number): FirstPass {
  const scale = w.pairs / Math.max(1, w.pass1.runbooks.length);
  const per = w.pass1.runbooks.map(total);
  return {
    order: w.order,
    totalMs: w.pass1.wallMs * scale,
    totalCpuMs: w.pass1.cpuMs * scale,
    perRunbook: { median: median(per), p95: percentile(per, 95), mean: mean(per) },
    pageFaults: w.pass1.pageFaults,
    systemMs: w.pass1.systemMs,
    peakRssBytes,
  };
}

/**
 * The first pass measured in `runs` fresh processes, one after another: each figure is the median
 * of the runs (peak RSS the largest). On this 2-core VM one run's wall time moves by 15–30% from
 * one minute to the next with the same code (bench/README.md), so a single run says little.
 */
export async function firstPasses(contentDir: string, order: PairOrder, runs: number): Promise<FirstPass> {
  const all: FirstPass[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await generatorRun(contentDir, Infinity, order, 1);
    all.push(firstPass(run.result, run.peakRssBytes));
  }
  const mid = (pick: (p: FirstPass) => number) => median(all.map(pick));
  return {
    order,
    totalMs: mid((p) => p.totalMs),
    totalCpuMs: mid((p) => p.totalCpuMs),
    perRunbook: { median: mid((p) => p.perRunbook.median), p95: mid((p) => p.perRunbook.p95), mean: mid((p) => p.perRunbook.mean) },
    pageFaults: mid((p) => p.pageFaults),
    systemMs: mid((p) => p.systemMs),
    peakRssBytes: max(all.map((p) => p.peakRssBytes)),
    runsMs: all.map((p) => p.totalMs),
  };
}

export function summarise(label: string, w: WorkerResult, peakRssBytes: number): GeneratorSummary {
  const p1 = w.pass1.runbooks;
  const p2 = w.pass2;
  if (!p2) throw new Error(`summarise(${label}): the worker ran the first pass only; use firstPass()`);
  const scale = w.pairs / Math.max(1, p1.length);
  const first = firstPass(w, peakRssBytes);
  return {
    label,
    series: w.series,
    services: w.services,
    pairs: w.pairs,
    measuredPairs: p1.length,
    complete: w.pass1.complete,
    loadMs: w.loadMs,
    totalMs: first.totalMs,
    totalCpuMs: first.totalCpuMs,
    loadAverage: loadavg()[0] ?? 0,
    perRunbook: { ...first.perRunbook, max: max(p1.map(total)) },
    warmPerRunbook: { median: p2.runbook.median, p99: p2.runbook.p99, max: p2.runbook.max },
    split: {
      planMs: sum(p1.map((r) => r.planMs)) * scale,
      jsonMs: sum(p1.map((r) => r.jsonMs)) * scale,
      markdownMs: sum(p1.map((r) => r.markdownMs)) * scale,
      writeMs: sum(p1.map((r) => r.writeMs)) * scale,
    },
    warmSplitMedian: { planMs: p2.plan.median, jsonMs: p2.json.median, markdownMs: p2.markdown.median },
    stops: { mean: mean(p1.map((r) => r.stops)), max: max(p1.map((r) => r.stops)) },
    mdBytes: {
      median: median(p1.map((r) => r.mdBytes)),
      max: max(p1.map((r) => r.mdBytes)),
      mean: mean(p1.map((r) => r.mdBytes)),
      totalEstimate: sum(p1.map((r) => r.mdBytes)) * scale,
    },
    jsonBytes: {
      median: median(p1.map((r) => r.jsonBytes)),
      max: max(p1.map((r) => r.jsonBytes)),
      mean: mean(p1.map((r) => r.jsonBytes)),
      totalEstimate: sum(p1.map((r) => r.jsonBytes)) * scale,
    },
    peakRssBytes,
  };
}

export async function generatorRun(
  contentDir: string,
  budget: number,
  order: PairOrder = 'random',
  passes: 1 | 2 = order === 'build' ? 1 : 2,
): Promise<{ result: WorkerResult; peakRssBytes: number }> {
  const worker = join(ROOT, 'bench', 'generator-worker.ts');
  const run = await runTree(process.execPath, [worker, contentDir, String(budget), order, String(passes)], { cwd: ROOT });
  if (run.code !== 0) throw new Error(`generator worker failed on ${contentDir} (exit ${run.code}):\n${run.stderr}`);
  return { result: JSON.parse(run.stdout) as WorkerResult, peakRssBytes: run.peakRssBytes };
}
