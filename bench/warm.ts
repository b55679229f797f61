/**
 * The warm measurement: after the first pass has rendered every pair once (JIT warm, every refine
 * block cached), tinybench renders the same pairs again, one pair per iteration in the same order,
 * and computes the statistics. Each sample is the library's own stage time (observeStages), handed
 * to tinybench as `overriddenDuration`, so warm and first-pass figures use the same clock.
 */
import { Bench, type Statistics } from 'tinybench';
import { buildRunbook, type loadContent, renderJsonUtf8, renderMarkdownUtf8, type Runbook, type Stage } from '../generator/index.ts';

type Content = ReturnType<typeof loadContent>;
type Pair = readonly [from: string, to: string];

/** tinybench's latency statistics for one task, in ms; one sample per pair. */
export interface Latency {
  median: number;
  p99: number;
  max: number;
  mean: number;
  samples: number;
}

export interface WarmResult {
  wallMs: number;
  /** Plan + Markdown + JSON of one pair. */
  runbook: Latency;
  plan: Latency;
  markdown: Latency;
  json: Latency;
}

const latency = (s: Statistics): Latency => ({ median: s.p50, p99: s.p99, max: s.max, mean: s.mean, samples: s.samplesCount });

/** `spent` is the caller's per-stage total, added to by its observeStages observer (there is one). */
export function measureWarm(content: Content, pairs: readonly Pair[], spent: Record<Stage, number>): WarmResult {
  let next = 0;
  let runbook: Runbook | undefined;
  const pair = (): Pair => {
    const p = pairs[next++ % pairs.length];
    if (!p) throw new Error('measureWarm: no pairs (the first pass rendered none)');
    return p;
  };
  // Every task walks the same pairs from the start; the stage tasks build their input untimed.
  const fromStart = {
    beforeAll: () => {
      next = 0;
    },
  };
  const prepared = {
    ...fromStart,
    beforeEach: () => {
      const [from, to] = pair();
      runbook = buildRunbook(content, { from, to });
    },
  };
  const timed = (stages: readonly Stage[], fn: () => void) => () => {
    for (const s of stages) spent[s] = 0;
    fn();
    return { overriddenDuration: stages.reduce((n, s) => n + spent[s], 0) };
  };
  const need = (): Runbook => {
    if (!runbook) throw new Error('measureWarm: no runbook prepared'); // beforeEach always sets it
    return runbook;
  };
  // The first pass was the warm-up; tinybench's own warm-up and time budget are off so each task
  // renders every pair exactly once.
  const bench = new Bench({ name: 'warm', iterations: pairs.length, time: 0, warmup: false, throws: true });
  bench.add(
    'runbook',
    timed(['plan', 'markdown', 'json'], () => {
      const [from, to] = pair();
      const rb = buildRunbook(content, { from, to });
      renderMarkdownUtf8(rb);
      renderJsonUtf8(rb);
    }),
    fromStart,
  );
  bench.add(
    'plan',
    timed(['plan'], () => {
      const [from, to] = pair();
      buildRunbook(content, { from, to });
    }),
    fromStart,
  );
  bench.add(
    'markdown',
    timed(['markdown'], () => {
      renderMarkdownUtf8(need());
    }),
    prepared,
  );
  bench.add(
    'json',
    timed(['json'], () => {
      renderJsonUtf8(need());
    }),
    prepared,
  );
  const started = performance.now();
  bench.runSync();
  const wallMs = performance.now() - started;
  const stats = (name: string): Latency => {
    const result = bench.getTask(name)?.result;
    if (result?.state !== 'completed') throw new Error(`measureWarm: task ${name} did not complete (${result?.state ?? 'missing'})`);
    return latency(result.latency);
  };
  return { wallMs, runbook: stats('runbook'), plan: stats('plan'), markdown: stats('markdown'), json: stats('json') };
}
