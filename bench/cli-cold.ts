/**
 * Cold starts of the CLI: a fresh process per run, as an operator (or CI) invokes it. tinybench
 * does the warm-up run (file cache, npx resolution), the repeats and the statistics; each sample is
 * the spawn-to-exit wall time runTree measured, the same clock the site build uses.
 */
import { Bench, type HookMode } from 'tinybench';
import { runTree } from './proc-tree.ts';

export interface ColdStart {
  label: string;
  command: string;
  /** Wall times of the measured runs, ascending (tinybench keeps its samples sorted). */
  runs: number[];
  medianMs: number;
  peakRssBytes: number;
  outputBytes: number;
}

export async function coldStart(label: string, command: string, args: string[], cwd: string, runs: number): Promise<ColdStart> {
  let peak = 0;
  let outputBytes = 0;
  let phase: HookMode = 'warmup';
  const bench = new Bench({ name: label, iterations: runs, time: 0, warmupIterations: 1, warmupTime: 0, retainSamples: true, throws: true });
  bench.add(
    label,
    async () => {
      const run = await runTree(command, args, { cwd, captureStdout: phase === 'run' });
      if (run.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
      if (phase === 'run') {
        peak = Math.max(peak, run.peakRssBytes);
        outputBytes = Buffer.byteLength(run.stdout);
      }
      return { overriddenDuration: run.wallMs };
    },
    {
      beforeAll: (mode) => {
        phase = mode ?? 'run';
      },
    },
  );
  await bench.run();
  const result = bench.getTask(label)?.result;
  if (result?.state !== 'completed') throw new Error(`${label}: cold start did not complete (${result?.state ?? 'missing'})`);
  const { latency } = result;
  return { label, command: [command, ...args].join(' '), runs: [...(latency.samples ?? [])], medianMs: latency.p50, peakRssBytes: peak, outputBytes };
}
