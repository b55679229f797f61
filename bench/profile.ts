/**
 * CPU profile of the generator, summarised: `node bench/profile.ts` (run by `npm run bench`).
 * Each scenario runs in a child `node --cpu-prof`; the .cpuprofile files stay in bench/.out/profiles
 * (open them in Chrome DevTools or speedscope) and are summarised here as self time per area
 * (remark/micromark, Handlebars, zod, yaml, the generator's own folders, GC) and per function.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildRunbook, forwardPairs, loadContent, renderJsonUtf8, renderMarkdownUtf8 } from '../generator/index.ts';

export const SCENARIOS = {
  'cli-largest': 'one fresh process: load, plan and render juno -> gazpacho to Markdown and JSON (what a CLI run pays)',
  'all-pairs': 'one fresh process: every forward pair to Markdown and JSON (what the build pays)',
} as const;
export type Scenario = keyof typeof SCENARIOS;

export interface ProfileEntry {
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  scenario: Scenario;
  description: string;
  file: string;
  totalMs: number;
  areas: ProfileEntry[];
  functions: ProfileEntry[];
  /** Inclusive (self + callees) time of the generator's own functions: where the time starts. */
  generatorInclusive: ProfileEntry[];
}

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ROOT = resolve(import.meta.dirname, '..');

function workload(scenario: Scenario): void {
  const content = loadContent();
  if (scenario === 'cli-largest') {
    const runbook = buildRunbook(content, { from: 'juno', to: 'gazpacho' });
    renderMarkdownUtf8(runbook);
    renderJsonUtf8(runbook);
    return;
  }
  for (const [from, to] of forwardPairs(content)) {
    const runbook = buildRunbook(content, { from: from.id, to: to.id });
    renderMarkdownUtf8(runbook);
    renderJsonUtf8(runbook);
  }
}

/** Which part of the system a frame belongs to, by its file. */
export function areaOf(url: string, functionName: string): string {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)' || functionName === '(idle)' || functionName === '(root)') return 'V8 (program, idle)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) {
    if (
      /^(micromark|mdast-util-|remark-|unified|unist-util-|vfile|decode-named|character-|longest-streak|zwitch|devlop|markdown-table|ccount|escape-string|trough|bail|is-plain-obj|extend)/.test(
        pkg,
      )
    )
      return 'remark (micromark, mdast, unified)';
    return pkg;
  }
  const own = /\/(generator|bench|templates)\/(?:([^/]+)\/)?/.exec(url);
  if (own) {
    const [, top = 'other', sub] = own; // group 1 always takes part in a match; group 2 is optional
    return top === 'generator' && sub ? `generator/${sub}` : top;
  }
  if (url.startsWith('node:') || url === '') return 'Node.js / V8 internals';
  return 'other';
}

export function summarise(file: string, scenario: Scenario, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    total += us;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      if (!/\/generator\//.test(url)) continue;
      const key = `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, selfMs: us / 1000, share: us / total }));
  return {
    scenario,
    description: SCENARIOS[scenario],
    file,
    totalMs: total / 1000,
    areas: list(areas, 12),
    functions: list(functions, top),
    generatorInclusive: list(inclusive, 12),
  };
}

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/(.*)$/.exec(path)?.[1];
  if (pkg !== undefined) return pkg;
  return path.startsWith(ROOT) ? path.slice(ROOT.length + 1) : basename(path);
}

/** Runs each scenario under --cpu-prof and summarises the profile. */
export function profileAll(outDir = join(ROOT, 'bench', '.out', 'profiles')): ProfileSummary[] {
  const summaries: ProfileSummary[] = [];
  for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
    const dir = join(outDir, scenario);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500', import.meta.filename, '--workload', scenario], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`profile ${scenario} failed: ${run.stderr}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`profile ${scenario}: no .cpuprofile written`);
    summaries.push(summarise(join(dir, file), scenario));
  }
  return summaries;
}

export function formatSummary(s: ProfileSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
  const lines = [`${s.scenario}: ${s.description}; ${Math.round(s.totalMs)} ms sampled (${s.file.slice(ROOT.length + 1)})`, '  self time by area:'];
  for (const a of s.areas) lines.push(`    ${pct(a.share)}  ${Math.round(a.selfMs).toString().padStart(6)} ms  ${a.name}`);
  lines.push('  generator functions (inclusive time):');
  for (const f of s.generatorInclusive) lines.push(`    ${pct(f.share)}  ${Math.round(f.selfMs).toString().padStart(6)} ms  ${f.name}`);
  lines.push('  top functions (self time):');
  for (const f of s.functions) lines.push(`    ${pct(f.share)}  ${Math.round(f.selfMs).toString().padStart(6)} ms  ${f.name}`);
  return lines.join('\n');
}

if (import.meta.main) {
  const at = process.argv.indexOf('--workload');
  if (at >= 0) workload(process.argv[at + 1] as Scenario);
  else for (const s of profileAll()) process.stdout.write(`${formatSummary(s)}\n\n`);
}
