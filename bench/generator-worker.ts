/**
 * One generator measurement in a fresh process (so the refine cache, the JIT and the heap start
 * empty, as in `npm run build`): `node bench/generator-worker.ts DIR [budget-ms] [uncached-sample]`.
 * Prints one JSON object (WorkerResult) on stdout.
 *
 * Pass 1 renders every forward pair, all services, to Markdown and JSON, in a seeded random order,
 * until the budget runs out (then the total is extrapolated from the pairs done). Pass 2 renders the
 * same pairs again: warm JIT, every refined block cached (a long-lived process's steady state).
 * Each runbook is timed by stage: plan (buildRunbook), JSON (renderJson), Handlebars (view model +
 * template) and refine (the remark pass); the stages together are exactly renderMarkdown, which is
 * checked at the end.
 */
import { buildRunbook, forwardPairs, loadContent, renderJson, renderMarkdown, type Content } from '../generator/index.ts';
import * as refineModule from '../generator/refine/refine.ts';
import { loadTemplate } from '../generator/render/templates.ts';
import { viewModel } from '../generator/render/view-model.ts';
import { median, shuffle } from './stats.ts';

export interface RunbookTiming {
  from: string;
  to: string;
  stops: number;
  steps: number;
  mdBytes: number;
  jsonBytes: number;
  planMs: number;
  jsonMs: number;
  hbsMs: number;
  refineMs: number;
}

export interface UncachedTiming {
  from: string;
  to: string;
  draftBytes: number;
  /** Median of 3 runs of the whole-document remark pass, JIT warm. */
  refineMs: number;
}

export interface WorkerResult {
  contentDir: string;
  series: number;
  services: number;
  pairs: number;
  loadMs: number;
  pass1: { wallMs: number; cpuMs: number; runbooks: RunbookTiming[]; complete: boolean };
  pass2: { wallMs: number; runbooks: RunbookTiming[] };
  uncached: UncachedTiming[] | null;
  /** Staged output equals renderMarkdown (checked on a few pairs after the timed passes). */
  splitMatchesRenderMarkdown: boolean;
  maxRssBytes: number;
  heapUsedBytes: number;
}

type Refine = (markdown: string) => string;

const refineCached: Refine = refineModule.refineMarkdown;
// The whole-document pass (no block cache), when the generator still has it: looked up by name so
// the benchmark keeps compiling if it goes away.
const uncachedExport: unknown = (refineModule as Record<string, unknown>).refineMarkdownUncached;
const refineUncached: Refine | null = typeof uncachedExport === 'function' ? (uncachedExport as Refine) : null;

function draftOf(content: Content, runbook: ReturnType<typeof buildRunbook>): string {
  return loadTemplate('runbook')(viewModel(content, runbook));
}

function timeOne(content: Content, from: string, to: string): { timing: RunbookTiming; md: string } {
  const t0 = performance.now();
  const runbook = buildRunbook(content, { from, to });
  const t1 = performance.now();
  const json = renderJson(runbook);
  const t2 = performance.now();
  const draft = draftOf(content, runbook);
  const t3 = performance.now();
  const md = refineCached(draft);
  const t4 = performance.now();
  const steps = runbook.sections.reduce((n, s) => n + s.steps.length, 0);
  return {
    md,
    timing: {
      from, to, stops: runbook.plan.stops.length, steps, mdBytes: Buffer.byteLength(md), jsonBytes: Buffer.byteLength(json),
      planMs: t1 - t0, jsonMs: t2 - t1, hbsMs: t3 - t2, refineMs: t4 - t3,
    },
  };
}

function main(argv: string[]): WorkerResult {
  const [dir, budgetArg, sampleArg] = argv;
  const budgetMs = Number(budgetArg ?? Infinity);
  const uncachedSample = Number(sampleArg ?? 0);
  const l0 = performance.now();
  const content = loadContent(dir);
  const loadMs = performance.now() - l0;
  const pairs = shuffle(forwardPairs(content).map(([f, t]) => [f.id, t.id] as const), 6);

  const pass1: RunbookTiming[] = [];
  const cpu1 = process.cpuUsage();
  const p1 = performance.now();
  for (const [from, to] of pairs) {
    if (performance.now() - p1 > budgetMs) break;
    pass1.push(timeOne(content, from, to).timing);
  }
  const pass1Ms = performance.now() - p1;
  const cpu = process.cpuUsage(cpu1);

  const pass2: RunbookTiming[] = [];
  const p2 = performance.now();
  for (const { from, to } of pass1) pass2.push(timeOne(content, from, to).timing);
  const pass2Ms = performance.now() - p2;

  let uncached: UncachedTiming[] | null = null;
  if (refineUncached && uncachedSample > 0) {
    uncached = [];
    const bySize = [...pass1].sort((a, b) => a.mdBytes - b.mdBytes);
    const picks = new Set<number>();
    for (let i = 0; i < uncachedSample; i++) picks.add(Math.round((i * (bySize.length - 1)) / Math.max(1, uncachedSample - 1)));
    for (const i of picks) {
      const { from, to } = bySize[i];
      const draft = draftOf(content, buildRunbook(content, { from, to }));
      const runs: number[] = [];
      for (let r = 0; r < 3; r++) {
        const t = performance.now();
        refineUncached(draft);
        runs.push(performance.now() - t);
      }
      uncached.push({ from, to, draftBytes: Buffer.byteLength(draft), refineMs: median(runs) });
    }
  }

  const splitMatchesRenderMarkdown = pass1.slice(0, 3).every(({ from, to }) => {
    const { md } = timeOne(content, from, to);
    return md === renderMarkdown(content, buildRunbook(content, { from, to }));
  });

  return {
    contentDir: dir, series: content.series.length, services: content.services.length, pairs: pairs.length, loadMs,
    pass1: { wallMs: pass1Ms, cpuMs: (cpu.user + cpu.system) / 1000, runbooks: pass1, complete: pass1.length === pairs.length },
    pass2: { wallMs: pass2Ms, runbooks: pass2 },
    uncached, splitMatchesRenderMarkdown,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: process.memoryUsage().heapUsed,
  };
}

if (import.meta.main) process.stdout.write(`${JSON.stringify(main(process.argv.slice(2)))}\n`);
