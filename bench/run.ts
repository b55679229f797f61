/**
 * `npm run bench`: what generating and publishing runbooks costs on this machine, and how it grows.
 * Prints tables and writes bench/results.json. Not part of the tests.
 *
 *   npm run bench                      everything (~4 minutes on 2 cores)
 *   npm run bench -- --budget=20       seconds of rendering per growth variant (default 15)
 *   npm run bench -- --skip=site,growth,profile,cli
 *   npm run bench -- --runs=5          fresh processes for the build's order (default 5; each figure is their median)
 *   npm run bench -- --readme          also rewrite README.md's performance table from the results
 *
 * Every generator measurement runs in a fresh child process (bench/generator-worker.ts), so the
 * refine block cache, the JIT and the heap start empty, as they do for `npm run build`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { coldStart, type ColdStart } from './cli-cold.ts';
import { firstPasses, generatorRun, summarise } from './generator-summary.ts';
import { formatSummary, profileAll, type ProfileSummary } from './profile.ts';
import { measureSite, type SiteResult } from './site.ts';
import { CLI_TARGET_LABEL, TARGETS } from './targets.ts';
import { growthTables, measureGrowth } from './growth.ts';
import { bytes, ms, table } from './stats.ts';
import { measureFreshMemory } from './fresh-memory.ts';
import { type BenchResults, writeReadme } from './readme.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', '.out');
const {
  allPairsMs: PASS_TARGET_MS,
  runbookMs: RUNBOOK_TARGET_MS,
  peakRssBytes: RSS_TARGET,
  siteMs: SITE_TARGET_MS,
  htmlBytes: HTML_TARGET,
  jsBytes: JS_TARGET,
} = TARGETS;

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'] as const;
  }),
);
const skip = new Set((args.get('skip') ?? '').split(',').filter(Boolean));
const budgetMs = Number(args.get('budget') ?? 15) * 1000;
// Fresh processes for the build's order: the first pass the targets are about.
const BUILD_ORDER_RUNS = Number(args.get('runs') ?? 5);

/** 1-minute load average; os.loadavg() always returns three numbers (zeros on Windows). */
const load1 = (): number => loadavg()[0] ?? 0;
const log = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`… ${line}\n`);

const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');
const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // Before any child runs: the machine's price of memory, to read the page-fault row by.
  const fresh = measureFreshMemory();
  const results: Record<string, unknown> = {
    machine: {
      node: process.version,
      cpus: cpus().length,
      loadAverageAtStart: loadavg(),
      platform: process.platform,
      date: new Date().toISOString(),
      freshMemory: fresh,
    },
    targets: TARGETS,
  };

  // Generator on the real content: every pair, no budget.
  progress('generator: all forward pairs × all services, real content');
  const base = await generatorRun(join(ROOT, 'content'), Infinity);
  progress(`generator: the same in the build's order, ${BUILD_ORDER_RUNS} fresh processes`);
  const g = { ...summarise('real content', base.result, base.peakRssBytes), buildOrder: await firstPasses(join(ROOT, 'content'), 'build', BUILD_ORDER_RUNS) };
  const o = g.buildOrder;
  results.generator = { ...g, runbooks: base.result.pass1.runbooks };

  const busy = () => (load1() > cpus().length ? `  [machine busy: load average ${load1().toFixed(1)} on ${cpus().length} cores; wall times are inflated]` : '');
  log(`\n## Generator: ${g.pairs} forward pairs × all ${g.services} services → Markdown + JSON, one process (${g.series} series)${busy()}\n`);
  const split = g.split;
  const splitTotal = split.planMs + split.jsonMs + split.markdownMs;
  log(
    table([
      ['measure', 'value', 'target', ''],
      ['load + validate content', ms(g.loadMs), '', ''],
      [
        `total, all pairs in the build's order (median of ${o.runsMs?.length ?? 1} fresh processes: ${(o.runsMs ?? [o.totalMs]).map((t) => Math.round(t)).join(', ')} ms), wall / CPU`,
        `${ms(o.totalMs)} / ${ms(o.totalCpuMs)}`,
        `≤ ${PASS_TARGET_MS / 1000} s`,
        mark(o.totalMs <= PASS_TARGET_MS),
      ],
      [
        "per runbook in the build's order, median / p95 (medians of the runs)",
        `${ms(o.perRunbook.median)} / ${ms(o.perRunbook.p95)}`,
        `≤ ${RUNBOOK_TARGET_MS} ms`,
        mark(o.perRunbook.median <= RUNBOOK_TARGET_MS),
      ],
      ["peak RSS (worker, build's order)", bytes(o.peakRssBytes), `≤ ${RSS_TARGET / 1024 / 1024} MB`, mark(o.peakRssBytes <= RSS_TARGET)],
      [
        `page faults in that pass / its system CPU time (a fresh 4 KB page costs ${fresh.firstTouchUsPerPage.toFixed(1)} µs here, a touched one ${fresh.secondTouchUsPerPage.toFixed(2)} µs)`,
        `${Math.round(o.pageFaults)} / ${ms(o.systemMs)}`,
        '',
        '',
      ],
      ['total, all pairs in random order (fresh process), wall', ms(g.totalMs), `≤ ${PASS_TARGET_MS / 1000} s`, mark(g.totalMs <= PASS_TARGET_MS)],
      ['total, all pairs in random order, CPU (user + sys)', ms(g.totalCpuMs), '', ''],
      ['per runbook in random order (MD+JSON), median', ms(g.perRunbook.median), `≤ ${RUNBOOK_TARGET_MS} ms`, mark(g.perRunbook.median <= RUNBOOK_TARGET_MS)],
      ['per runbook, p95', ms(g.perRunbook.p95), `≤ ${RUNBOOK_TARGET_MS} ms`, mark(g.perRunbook.p95 <= RUNBOOK_TARGET_MS)],
      ['per runbook, max', ms(g.perRunbook.max), '', ''],
      ['per runbook warm (2nd pass), median', ms(g.warmPerRunbook.median), `≤ ${RUNBOOK_TARGET_MS} ms`, mark(g.warmPerRunbook.median <= RUNBOOK_TARGET_MS)],
      ['per runbook warm (2nd pass), p99', ms(g.warmPerRunbook.p99), `≤ ${RUNBOOK_TARGET_MS} ms`, mark(g.warmPerRunbook.p99 <= RUNBOOK_TARGET_MS)],
      ['Markdown per runbook, median / max', `${bytes(g.mdBytes.median)} / ${bytes(g.mdBytes.max)}`, '', ''],
      ['JSON per runbook, median / max', `${bytes(g.jsonBytes.median)} / ${bytes(g.jsonBytes.max)}`, '', ''],
      ['all output (MD + JSON)', bytes(g.mdBytes.totalEstimate + g.jsonBytes.totalEstimate), '', ''],
      ['stops per runbook, mean / max', `${g.stops.mean.toFixed(1)} / ${g.stops.max}`, '', ''],
      ['peak RSS (worker, random order)', bytes(g.peakRssBytes), `≤ ${RSS_TARGET / 1024 / 1024} MB`, mark(g.peakRssBytes <= RSS_TARGET)],
    ]),
  );
  log(
    "\nBelow and in the growth tables: the random order (a sample cut short stands for all pairs).\nSplit of the total (pass 1, from the library's stage hooks):\n",
  );
  log(
    table([
      ['stage', 'total', 'share', 'median per runbook, warm'],
      ['plan (buildRunbook)', ms(split.planMs), pct(split.planMs, splitTotal), ms(g.warmSplitMedian.planMs)],
      ['JSON (renderJsonUtf8)', ms(split.jsonMs), pct(split.jsonMs, splitTotal), ms(g.warmSplitMedian.jsonMs)],
      ['Markdown (renderMarkdownUtf8)', ms(split.markdownMs), pct(split.markdownMs, splitTotal), ms(g.warmSplitMedian.markdownMs)],
    ]),
  );
  // The rest of the wall time: the caller's write of each text, and collections between runbooks.
  log(
    `\nOutside the stages: writing each text to /dev/null (one writev of its UTF-8 pieces, as publish writes a file) ${ms(split.writeMs)}; the rest of the wall time (GC between runbooks, timing) ${ms(Math.max(0, g.totalMs - splitTotal - split.writeMs))}.`,
  );
  if (!skip.has('cli')) {
    progress('CLI cold starts');
    const cli: ColdStart[] = [
      await coldStart('npx leapfrog runbook --from kilo --to newton', 'npx', ['leapfrog', 'runbook', '--from', 'kilo', '--to', 'newton'], ROOT, 5),
      await coldStart(CLI_TARGET_LABEL, process.execPath, ['bin/leapfrog.js', 'runbook', '--from', 'kilo', '--to', 'newton'], ROOT, 5),
      await coldStart(
        'node bin/leapfrog.js runbook --from juno --to gazpacho',
        process.execPath,
        ['bin/leapfrog.js', 'runbook', '--from', 'juno', '--to', 'gazpacho'],
        ROOT,
        3,
      ),
    ];
    results.cli = cli;
    log(`\n## CLI cold start (fresh process per run, 1 warm-up, median)${busy()}\n`);
    log(
      table([
        ['command', 'median', 'runs', 'peak RSS', 'output'],
        ...cli.map((c) => [c.label, ms(c.medianMs), c.runs.map((r) => Math.round(r)).join(' '), bytes(c.peakRssBytes), bytes(c.outputBytes)]),
      ]),
    );
  }

  if (!skip.has('site')) {
    progress('site build (when build:site exists)');
    const siteOut = join(OUT, 'site');
    rmSync(siteOut, { recursive: true, force: true });
    const site: SiteResult = await measureSite(ROOT, siteOut);
    results.site = site;
    log(`\n## Site${busy()}\n`);
    if (site.status === 'not-built-yet') log('site: not built yet');
    else if (site.status === 'failed') log(`site: build failed after ${ms(site.wallMs ?? NaN)}\n${site.message}`);
    else {
      log(
        table([
          ['measure', 'value', 'target', ''],
          ['full static build, wall', ms(site.wallMs!), `≤ ${SITE_TARGET_MS / 1000} s`, mark(site.wallMs! <= SITE_TARGET_MS)],
          ['peak RSS, whole process tree', bytes(site.peakRssBytes!), '', ''],
          ['output: files / size', `${site.files} / ${bytes(site.totalBytes!)}`, '', ''],
          ['runbook pages', String(site.runbookPages), '', ''],
          ['HTML per runbook page, median', bytes(site.html?.median ?? NaN), `≤ ${HTML_TARGET / 1024} KB`, mark((site.html?.median ?? 0) <= HTML_TARGET)],
          [
            'HTML per runbook page, max',
            `${bytes(site.html?.max ?? NaN)} (${site.html?.maxPage ?? '–'})`,
            `≤ ${HTML_TARGET / 1024} KB`,
            mark((site.html?.max ?? 0) <= HTML_TARGET),
          ],
          ['HTML per runbook page, gzip median', bytes(site.html?.gzipMedian ?? NaN), '', ''],
          ['pages over the HTML target', String(site.overHtmlTarget), '0', mark(site.overHtmlTarget === 0)],
          ['JS per runbook page, median', bytes(site.js?.median ?? NaN), `≤ ${JS_TARGET / 1024} KB`, mark((site.js?.median ?? 0) <= JS_TARGET)],
          ['JS per runbook page, max', bytes(site.js?.max ?? NaN), `≤ ${JS_TARGET / 1024} KB`, mark((site.js?.max ?? 0) <= JS_TARGET)],
          ['CSS per runbook page, median', bytes(site.css?.median ?? NaN), '', ''],
        ]),
      );
    }
  }

  if (!skip.has('growth')) {
    const grown = await measureGrowth(join(ROOT, 'content'), budgetMs, progress);
    results.growth = [g, ...grown];
    log(
      `\n## Growth: synthetic content (bench/synthetic.ts), fresh process each; ~ = extrapolated from the random sample of pairs measured in the budget${busy()}\n`,
    );
    log(growthTables(g, grown));
  }

  if (!skip.has('profile')) {
    progress('CPU profiles (node --cpu-prof)');
    const profiles: ProfileSummary[] = profileAll(join(OUT, 'profiles'));
    results.profiles = profiles;
    log('\n## CPU profile (node --cpu-prof, self time; files in bench/.out/profiles)\n');
    for (const p of profiles) log(`${formatSummary(p)}\n`);
  }

  const file = join(ROOT, 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
  log(`\nWrote ${file}`);
  if (args.has('readme')) {
    writeReadme(join(ROOT, 'README.md'), results as unknown as BenchResults);
    log('Updated the performance table in README.md');
  }
}

await main();
