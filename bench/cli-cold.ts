/** Cold starts of the CLI: a fresh process per run, as an operator (or CI) invokes it. */
import { runTree } from './proc-tree.ts';
import { median } from './stats.ts';

export interface ColdStart {
  label: string;
  command: string;
  runs: number[];
  medianMs: number;
  peakRssBytes: number;
  outputBytes: number;
}

export async function coldStart(label: string, command: string, args: string[], cwd: string, runs: number): Promise<ColdStart> {
  const times: number[] = [];
  let peak = 0;
  let outputBytes = 0;
  await runTree(command, args, { cwd, captureStdout: false }); // warm-up: file cache, npx resolution
  for (let i = 0; i < runs; i++) {
    const run = await runTree(command, args, { cwd });
    if (run.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
    times.push(run.wallMs);
    peak = Math.max(peak, run.peakRssBytes);
    outputBytes = Buffer.byteLength(run.stdout);
  }
  return { label, command: [command, ...args].join(' '), runs: times, medianMs: median(times), peakRssBytes: peak, outputBytes };
}
