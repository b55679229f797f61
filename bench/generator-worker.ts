/**
 * One generator measurement in a fresh process (so the line caches, the JIT and the heap start
 * empty, as in `npm run build`): `node bench/generator-worker.ts DIR [budget-ms] [random|build] [1|2]`.
 * Prints one JSON object (WorkerResult) on stdout.
 *
 * Pass 1 renders every forward pair, all services, to Markdown and JSON, until the budget runs out
 * (then the total is extrapolated from the pairs done): a first pass, timed here because a
 * benchmark library cannot measure one. In a seeded random order by default, so that a sample cut
 * short by the budget stands for all pairs; `build` takes the pairs in the order `npm run build`
 * does (forwardPairs: one source series after another). The last argument is the passes (default
 * 2 for the random order, 1 for the build's). The order matters: pairs from one source share most
 * steps, and the random order was ~25% slower in every stage with the same work done (same bytes
 * encoded; 2026-12-03), the cost of reaching shared steps and caches scattered in memory instead
 * of just used. Pass 2 (bench/warm.ts, tinybench) renders the same
 * pairs again: warm JIT and caches, a long-lived process's steady state. Each runbook is timed by
 * the library's own stage hooks (observeStages): plan, Markdown, JSON.
 */
import { closeSync, openSync } from 'node:fs';
import { buildRunbook, forwardPairs, loadContent, observeStages, renderJsonUtf8, renderMarkdownUtf8, writeUtf8, type Stage } from '../generator/index.ts';
import { shuffle } from './stats.ts';
import { measureWarm, type WarmResult } from './warm.ts';

export interface RunbookTiming {
  from: string;
  to: string;
  stops: number;
  steps: number;
  mdBytes: number;
  jsonBytes: number;
  planMs: number;
  jsonMs: number;
  markdownMs: number;
  /** Writing both texts to /dev/null as publish writes a file (one writev of the pieces): what a caller pays after the stages. */
  writeMs: number;
}

export type PairOrder = 'random' | 'build';

export interface WorkerResult {
  contentDir: string;
  order: PairOrder;
  series: number;
  services: number;
  pairs: number;
  loadMs: number;
  /**
   * `pageFaults`: minor page faults during pass 1 (memory the process takes from the kernel for the
   * first time), `systemMs` its system CPU time: on this VM a fresh 4 KB page costs ~11 µs
   * (bench/README.md), so memory the pass keeps or grows into shows here, not in instruction counts.
   */
  pass1: { wallMs: number; cpuMs: number; systemMs: number; pageFaults: number; runbooks: RunbookTiming[]; complete: boolean };
  /** Absent when only the first pass was asked for. */
  pass2?: WarmResult;
  maxRssBytes: number;
  heapUsedBytes: number;
}

const spent: Record<Stage, number> = { load: 0, plan: 0, markdown: 0, json: 0 };
observeStages((stage, ms) => {
  spent[stage] += ms;
});

const devNull = openSync('/dev/null', 'w');
process.on('exit', () => closeSync(devNull));

function timeOne(content: ReturnType<typeof loadContent>, from: string, to: string): RunbookTiming {
  spent.plan = spent.markdown = spent.json = 0;
  const runbook = buildRunbook(content, { from, to });
  const md = renderMarkdownUtf8(runbook);
  const json = renderJsonUtf8(runbook);
  const steps = runbook.sections.reduce((n, s) => n + s.steps.length, 0);
  const write = performance.now();
  writeUtf8(devNull, md);
  writeUtf8(devNull, json);
  const writeMs = performance.now() - write;
  return {
    from,
    to,
    stops: runbook.plan.stops.length,
    steps,
    mdBytes: md.byteLength,
    jsonBytes: json.byteLength,
    planMs: spent.plan,
    jsonMs: spent.json,
    markdownMs: spent.markdown,
    writeMs,
  };
}

function main(argv: string[]): WorkerResult {
  const [dir, budgetArg, orderArg = 'random', passesArg = orderArg === 'build' ? '1' : '2'] = argv;
  if (!dir || (orderArg !== 'random' && orderArg !== 'build') || (passesArg !== '1' && passesArg !== '2')) {
    throw new Error('usage: node bench/generator-worker.ts CONTENT-DIR [budget-ms] [random|build] [1|2]');
  }
  const order: PairOrder = orderArg;
  const budgetMs = Number(budgetArg ?? Infinity);
  const content = loadContent(dir);
  const loadMs = spent.load;
  const built = forwardPairs(content).map(([f, t]) => [f.id, t.id] as const);
  const pairs = order === 'build' ? built : shuffle(built, 6);

  const pass1: RunbookTiming[] = [];
  const cpu1 = process.cpuUsage();
  const faults1 = process.resourceUsage().minorPageFault;
  const p1 = performance.now();
  for (const [from, to] of pairs) {
    if (performance.now() - p1 > budgetMs) break;
    pass1.push(timeOne(content, from, to));
  }
  const pass1Ms = performance.now() - p1;
  const cpu = process.cpuUsage(cpu1);
  const pageFaults = process.resourceUsage().minorPageFault - faults1;

  const pass2 =
    passesArg === '2'
      ? measureWarm(
          content,
          pass1.map((r) => [r.from, r.to] as const),
          spent,
        )
      : undefined;

  return {
    contentDir: dir,
    order,
    series: content.series.length,
    services: content.services.length,
    pairs: pairs.length,
    loadMs,
    pass1: {
      wallMs: pass1Ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      systemMs: cpu.system / 1000,
      pageFaults,
      runbooks: pass1,
      complete: pass1.length === pairs.length,
    },
    ...(pass2 ? { pass2 } : {}),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: process.memoryUsage().heapUsed,
  };
}

if (import.meta.main) process.stdout.write(`${JSON.stringify(main(process.argv.slice(2)))}\n`);
