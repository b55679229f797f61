import { readFileSync, writeFileSync } from 'node:fs';
import type { ColdStart } from './cli-cold.ts';
import type { GeneratorSummary } from './generator-summary.ts';
import { bytesFactor, type GrowthRow, timeFactor } from './growth.ts';
import type { SiteResult } from './site.ts';
import { bytes, factor, ms } from './stats.ts';
import { CLI_TARGET_LABEL, TARGETS } from './targets.ts';

/** What README's performance table is made of: bench/results.json, as `npm run bench` wrote it. */
export interface BenchResults {
  machine: { date: string; cpus: number; loadAverageAtStart: number[] };
  generator?: GeneratorSummary;
  cli?: ColdStart[];
  site?: SiteResult;
  /** The real content first, then the variants, each with its own base (bench/growth.ts). */
  growth?: [GeneratorSummary, ...GrowthRow[]];
}

const START = '<!-- bench:start (written by npm run bench -- --readme; do not edit by hand) -->';
const END = '<!-- bench:end -->';

/** The table, from the results alone: every figure is measured, none is typed in. */
export function readmeTable(r: BenchResults): string {
  const rows: string[][] = [];
  const ok = (met: boolean) => (met ? 'met' : 'missed');
  const g = r.generator;
  if (g) {
    // The build's order (one source series after another) first, then the random one the growth uses.
    const runs = g.buildOrder?.runsMs?.length ?? 1;
    const inOrder = runs > 1 ? `in the build's order (median of ${runs} fresh processes)` : "in the build's order";
    const passes = [...(g.buildOrder ? [{ ...g.buildOrder, name: inOrder }] : []), { ...g, order: 'random', name: 'in random order' }];
    for (const p of passes) {
      rows.push([
        `all pairs × all services to Markdown + JSON, one process, ${p.name}`,
        `${ms(p.totalMs)} wall, ${ms(p.totalCpuMs)} CPU`,
        `≤ ${TARGETS.allPairsMs / 1000} s: ${ok(p.totalMs <= TARGETS.allPairsMs)}`,
      ]);
      rows.push([
        `per runbook, first pass ${p.name}: median / p95`,
        `${ms(p.perRunbook.median)} / ${ms(p.perRunbook.p95)}`,
        `≤ ${TARGETS.runbookMs} ms median: ${ok(p.perRunbook.median <= TARGETS.runbookMs)}`,
      ]);
    }
    rows.push(['per runbook, warm: median / p99', `${ms(g.warmPerRunbook.median)} / ${ms(g.warmPerRunbook.p99)}`, '']);
    rows.push(['peak RSS of that process', bytes(g.peakRssBytes), `≤ ${TARGETS.peakRssBytes / 1024 / 1024} MB: ${ok(g.peakRssBytes <= TARGETS.peakRssBytes)}`]);
    rows.push(['Markdown per runbook: median / max', `${bytes(g.mdBytes.median)} / ${bytes(g.mdBytes.max)}`, '']);
  }
  for (const c of r.cli ?? []) {
    const target = c.label === CLI_TARGET_LABEL ? `≤ ${TARGETS.cliMs} ms: ${ok(c.medianMs <= TARGETS.cliMs)}` : '';
    rows.push([`\`${c.label}\`, cold (median of ${c.runs.length})`, ms(c.medianMs), target]);
  }
  const [real, ...grown] = r.growth ?? [];
  const twice = grown.find((x) => x.label === '2× series (history)');
  if (real && twice) {
    const time = timeFactor(twice);
    const out = bytesFactor(twice, real);
    rows.push(['2× series: time / output bytes', `${factor(time)} / ${factor(out)}`, `time ≤ bytes: ${ok(time <= out)}`]);
  }
  const s = r.site;
  if (s?.status === 'ok') {
    rows.push(['full site build', `${ms(s.wallMs!)}, peak ${bytes(s.peakRssBytes!)}`, '']);
    rows.push(['runbook page HTML: median / max', `${bytes(s.html!.median)} / ${bytes(s.html!.max)} (${s.html!.maxPage})`, '']);
    rows.push(['JavaScript per runbook page: max', bytes(s.js!.max), `≤ ${TARGETS.jsBytes / 1024} KB: ${ok(s.js!.max <= TARGETS.jsBytes)}`]);
  }
  const load = r.machine.loadAverageAtStart[0]?.toFixed(1);
  return [
    `Measured ${r.machine.date.slice(0, 10)} on ${r.machine.cpus} cores (load average ${load} at the start):`,
    '',
    '| what | measured | target |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** Replaces what is between the markers in README.md; the markers must be there already. */
export function writeReadme(file: string, results: BenchResults): void {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file}: expected the markers ${START} … ${END}`);
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${readmeTable(results)}\n${text.slice(end)}`);
}
