import { defaultRehearseCache } from './cache-dir.ts';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CONTENT_DIR, loadContent, type Content } from '../index.ts';
import { CONTROLS, runControl } from './controls.ts';
import { dropDatabase, existingScratch, parseServer, redactor, startLocalServer, type LocalServer } from './database.ts';
import { REHEARSAL_RECORD } from '../plan/rehearsal-record.ts';
import { lastLine, rehearsalRecords, table, writeReport, type Report } from './report.ts';
import { planRun, rehearseOne, type Policy, type RootOf, type RunRecord, type RunRequest } from './rehearse-one.ts';
import { buildRoots } from './roots.ts';
import { readDump, type DumpPlan } from './dump-guard.ts';
import { DUMP_DATABASES, dumpServices } from './restore.ts';
import { ROOT_PACKAGES, SERVICES } from './services.ts';
import { readRecord, shippedBy, SUITES, writeRecord, type Shipped } from './shipped.ts';

const CHECKOUT = fileURLToPath(new URL('../..', import.meta.url));
const SHIPPED_RECORD = fileURLToPath(new URL('./debian-series.json', import.meta.url));

export const REHEARSE_USAGE = `Usage:
  leapfrog rehearse --from <series> --to <series> [--services a,b] [--fewest-stops] [--db mysql://USER:PASSWORD@HOST:PORT] [--replace]
  leapfrog rehearse --from <series> --to <series> --dump FILE [--services a,b] [--db URL] [--replace]
  leapfrog rehearse --all [--db URL] [--replace] [--record]
Runs the runbook's database steps with Debian's packages of each series (debootstrap roots, run with chroot;
root needed) against scratch databases named leapfrog_rehearse_* on the --db server, which must be one you
own. Without --db, Debian's MariaDB is started on 127.0.0.1 for the run. --replace drops leftover
leapfrog_rehearse_* databases first. --all: every pair and policy whose stops Debian ships.
--dump FILE: start from your own databases instead of seeded ones: FILE is the output of
  mysqldump --databases <names> (--set-gtid-purged=OFF on MySQL), with upstream's default database
  names only (nova nova_api nova_cell0 keystone glance cinder neutron heat placement ironic); each is
  restored into its leapfrog_rehearse_* database, nova's cell mappings are pointed at those, and
  the services whose databases the dump holds are rehearsed. A dump with anything but tables and
  rows of those databases (the mysql schema, users, GRANTs, views, triggers, routines, global
  settings, client commands) is refused before anything runs.
Report: dist/rehearse/report.json (--out FILE); roots are cached in ~/.cache/leapfrog/rehearse (--cache DIR or LEAPFROG_REHEARSE_CACHE).`;

const OPTIONS = {
  from: { type: 'string' }, to: { type: 'string' }, services: { type: 'string' },
  'fewest-stops': { type: 'boolean', default: false }, all: { type: 'boolean', default: false },
  db: { type: 'string' }, dump: { type: 'string' }, replace: { type: 'boolean', default: false }, record: { type: 'boolean', default: false },
  'roots-only': { type: 'boolean', default: false }, suites: { type: 'string' }, jobs: { type: 'string', default: '1' }, worker: { type: 'boolean', default: false },
  cache: { type: 'string' }, out: { type: 'string' }, content: { type: 'string' }, port: { type: 'string', default: '13306' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Every request to run: one pair, or with --all every forward pair between series some suite ships, both policies. */
function requests(content: Content, values: ReturnType<typeof parse>, shipped: Shipped[], dump?: DumpPlan): RunRequest[] {
  const asked = values.services?.split(',').map((s) => s.trim()).filter(Boolean);
  const services = dump ? dumpServices(dump, asked) : (asked ?? SERVICES.map((s) => s.id));
  if (!values.all) {
    const from = content.getSeries(values.from!)?.id ?? values.from!;
    const to = content.getSeries(values.to!)?.id ?? values.to!;
    return services.map((service) => ({ from, to, service, policy: values['fewest-stops'] ? 'fewest' : 'tested' }));
  }
  const series = content.series.map((s) => s.id).filter((id) => shipped.some((s) => s.series === id));
  // Neighbouring shipped series first (victoria>zed, zed>epoxy, ...), then the longer leaps.
  const pairs = series.flatMap((from, i) => series.slice(i + 1).map((to, gap) => ({ from, to, gap })));
  pairs.sort((a, b) => a.gap - b.gap);
  return pairs.flatMap(({ from, to }) => (['tested', 'fewest'] as Policy[]).flatMap((policy) => services.map((service) => ({ from, to, service, policy }))));
}

/** Where the report and messages go (process.stdout and stderr, or a test's sink). */
type Output = { write(text: string): unknown };

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, strict: true }).values;
}

export async function rehearseMain(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  let values: ReturnType<typeof parse>;
  try {
    values = parse(argv);
  } catch (error) {
    err.write(`leapfrog rehearse: ${(error as Error).message}\n${REHEARSE_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out.write(`${REHEARSE_USAGE}\n`);
    return 0;
  }
  if (values['roots-only']) {
    // CI builds the roots while the tests run; the rehearsal then finds them in the cache.
    const roots = await buildRoots(resolve(values.cache ?? defaultRehearseCache()), SUITES, ROOT_PACKAGES, (l) => err.write(`${l}\n`));
    out.write(`roots: ${roots.map((r) => r.suite).join(', ')} ready\n`);
    return roots.length === SUITES.length ? 0 : 1;
  }
  if (!values.all && (!values.from || !values.to)) {
    err.write(`leapfrog rehearse: --from and --to are needed (or --all)\n${REHEARSE_USAGE}\n`);
    return 2;
  }
  let dump: DumpPlan | undefined;
  if (values.dump) {
    // Checked before any server or root is touched: a refused dump runs nothing.
    if (values.all) {
      err.write('leapfrog rehearse: --dump rehearses one pair: give --from and --to, not --all\n');
      return 2;
    }
    try {
      dump = readDump(resolve(values.dump), DUMP_DATABASES);
      dumpServices(dump, values.services?.split(',').map((s) => s.trim()).filter(Boolean));
    } catch (error) {
      err.write(`leapfrog rehearse: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const log = (line: string) => err.write(`${line}\n`);
  const content = loadContent(values.content ? resolve(values.content) : DEFAULT_CONTENT_DIR);
  const cache = resolve(values.cache ?? defaultRehearseCache());
  let local: LocalServer | undefined;
  let optionsFile: string | undefined;
  // The client options file holds the password: removed with the server, whatever happened.
  const stop = () => {
    local?.stop();
    if (optionsFile) rmSync(dirname(optionsFile), { recursive: true, force: true });
  };
  process.once('SIGINT', () => { stop(); process.exit(130); });
  try {
    // A worker gets the server from its parent through the environment, never on a command line.
    let url = values.db ?? process.env.LEAPFROG_REHEARSE_DB;
    if (!url) {
      local = await startLocalServer(Number(values.port), log);
      url = local.url;
    }
    const server = parseServer(url);
    optionsFile = server.optionsFile;
    const redact = redactor([server.password, ...(dump?.secrets ?? [])]);
    const leftovers = existingScratch(server);
    if (leftovers.length && !values.replace && !values.worker) {
      err.write(`leapfrog rehearse: the server already has ${leftovers.join(', ')}; drop them or pass --replace (only leapfrog_rehearse_* databases are ever dropped)\n`);
      return 2;
    }
    if (!values.worker) for (const name of leftovers) dropDatabase(server, name);
    const started = Date.now();
    // --suites: only these Debian suites' roots (a single pair needs two), e.g. --suites bullseye,bookworm.
    const roots = await buildRoots(cache, values.suites?.split(',') ?? SUITES, ROOT_PACKAGES, log);
    log(`roots: ${roots.map((r) => r.suite).join(', ')} ready (${Math.round((Date.now() - started) / 1000)}s)`);
    const recorded = readRecord(SHIPPED_RECORD);
    const shipped = roots.flatMap((root) => shippedBy(root, recorded));
    if (values.record) writeRecord(SHIPPED_RECORD, shipped);
    // The newest suite wins when two ship the same series of a service.
    const rootOf: RootOf = (service, series) => roots.find((r) => r.suite === shipped.findLast((s) => s.service === service && s.series === series)?.suite)?.dir;
    const path = resolve(values.out ?? join(CHECKOUT, 'dist/rehearse/report.json'));
    const report: Report = { date: new Date().toISOString(), shipped, runs: [], not_rehearsable: [] };
    const done = new Map<string, RunRecord>();
    const all = requests(content, values, shipped, dump);
    const jobs = Number(values.jobs);
    if (jobs > 1) {
      const parts = await inWorkers(argv, [...new Set(all.map((r) => r.service))], jobs, url, log);
      report.runs.push(...parts.flatMap((p) => p.runs));
      report.not_rehearsable.push(...parts.flatMap((p) => p.not_rehearsable));
    }
    for (const request of jobs > 1 ? [] : all) {
      const planned = planRun(content, request, rootOf);
      if (planned.missing.length) {
        report.not_rehearsable.push({ from: request.from, to: request.to, service: request.service, policy: request.policy, missing: planned.missing });
        continue;
      }
      // The same commands in the same order already ran under the other policy: one run, two records.
      const key = JSON.stringify([request.from, request.to, request.service, planned.steps.map((s) => [s.step.id, s.decision.run ? s.decision.commands : s.decision.reason])]);
      const same = done.get(key);
      if (same) {
        report.runs.push({ ...same, policy: request.policy, same_as: same.policy });
        continue;
      }
      const record = rehearseOne(content, request, server, rootOf, redact, log, dump);
      done.set(key, record);
      report.runs.push(record);
      // Written after every run, so a long rehearsal cut short still leaves what it measured.
      writeReport(path, JSON.parse(redact(JSON.stringify(report))) as Report);
    }
    if (values.all && !values.worker) report.controls = CONTROLS.map((control) => runControl(control, server, rootOf, redact, log));
    writeReport(path, JSON.parse(redact(JSON.stringify(report))) as Report);
    if (values.record) writeFileSync(REHEARSAL_RECORD, `${JSON.stringify(rehearsalRecords(report), null, 2)}\n`);
    out.write(`${redact(table(report))}\n\nreport: ${path}\n${lastLine(report)}\n`);
    return report.runs.some((r) => r.failed) || report.controls?.some((c) => !c.caught) ? 1 : 0;
  } catch (error) {
    err.write(`leapfrog rehearse: ${redactor(local ? [new URL(local.url).password] : [])((error as Error).message)}\n`);
    return 1;
  } finally {
    stop();
  }
}

/**
 * Services rehearse independently (their own databases and configuration files), so they are spread
 * over worker processes; one service's runs stay in one worker, in order, since they share files.
 */
async function inWorkers(argv: string[], services: string[], jobs: number, url: string, log: (line: string) => void): Promise<Report[]> {
  const { spawn } = await import('node:child_process');
  const { mkdtempSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'leapfrog-rehearse-jobs-'));
  const buckets = Array.from({ length: Math.min(jobs, services.length) }, (_, i) => services.filter((_, j) => j % jobs === i));
  const keep = argv.filter((a, i) => !['--jobs', '--services', '--out', '--record', '--replace'].includes(a) && !['--jobs', '--services', '--out'].includes(argv[i - 1] ?? ''));
  return Promise.all(buckets.map((bucket, i) => new Promise<Report>((done, fail) => {
    const out = join(dir, `part-${i}.json`);
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...keep, '--worker', '--services', bucket.join(','), '--out', out], {
      env: { ...process.env, LEAPFROG_REHEARSE_DB: url }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (d) => { for (const l of String(d).split('\n').filter(Boolean)) log(`[${bucket.join(',')}] ${l}`); });
    child.on('close', () => {
      try {
        done(JSON.parse(readFileSync(out, 'utf8')) as Report);
      } catch {
        fail(new Error(`worker for ${bucket.join(', ')} wrote no report`));
      }
    });
  })));
}

if (import.meta.main) process.exitCode = await rehearseMain(process.argv.slice(2));
