import { defaultRehearseCache } from './cache-dir.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CONTENT_DIR, loadContent, type Content } from '../index.ts';
import { findSeries } from '../plan/resolve-series.ts';
import { CONTROLS, runControl } from './controls.ts';
import { dropDatabase, existingScratch, parseServer, redactor, startLocalServer } from './database.ts';
import { REHEARSAL_RECORD } from '../plan/rehearsal-record.ts';
import { imagesTable, lastLine, rehearsalRecords, table, writeReport, type Report } from './report.ts';
import { rehearseAll, type Policy, type RootOf, type RunRequest } from './rehearse-one.ts';
import { holdRoots, Run } from './supervise.ts';
import { buildRoots } from './roots.ts';
import { readDump, type DumpPlan } from './dump-guard.ts';
import { DUMP_DATABASES, dumpServices } from './restore.ts';
import { ROOT_PACKAGES, SERVICES } from './services.ts';
import { readRecord, shippedBy, SUITES, writeRecord, type Shipped } from './shipped.ts';
import { checkImages, imageRequests, imagesLine, type ImageRecord } from './utility-images.ts';

const CHECKOUT = fileURLToPath(new URL('../..', import.meta.url));
const SHIPPED_RECORD = fileURLToPath(new URL('./debian-series.json', import.meta.url));

export const REHEARSE_USAGE = `Usage:
  leapfrog rehearse --from <series> --to <series> [--services a,b] [--fewest-stops] [--db mysql://USER:PASSWORD@HOST:PORT] [--replace]
  leapfrog rehearse --from <series> --to <series> --dump FILE [--services a,b] [--db URL] [--replace]
  leapfrog rehearse --all [--db URL] [--replace] [--record] [--containerfiles a,b]
  leapfrog rehearse --containerfiles-only [--suites a,b] [--services a,b] [--jobs N]
Runs the runbook's database steps with Debian's packages of each series (debootstrap roots, run with chroot;
root needed) against scratch databases named leapfrog_rehearse_* on the --db server, which must be one you
own. Without --db, Debian's MariaDB is started on 127.0.0.1 for the run. --replace drops leftover
leapfrog_rehearse_* databases first. --all: every pair and policy whose stops Debian ships, then the
Containerfiles of Debian's packages the runbooks print for the --containerfiles services (default keystone),
in every suite, built in a chroot and asked their manage command's version (--containerfiles-only: every
service's, or those of --suites/--services; report in dist/rehearse/containerfiles.json).
--dump FILE: start from your own databases instead of seeded ones: FILE is the output of
  mysqldump --databases <names> (--set-gtid-purged=OFF on MySQL), with upstream's default database
  names only (nova nova_api nova_cell0 keystone glance cinder neutron heat placement ironic); each is
  restored into its leapfrog_rehearse_* database, nova's cell mappings are pointed at those, and
  the services whose databases the dump holds are rehearsed. A dump with anything but tables and
  rows of those databases (the mysql schema, users, GRANTs, views, triggers, routines, global
  settings, client commands) is refused before anything runs.
Ctrl-C or SIGTERM: the steps stop, the scratch databases this run created are dropped, its MariaDB stops.
Report: dist/rehearse/report.json (--out FILE); roots are cached in ~/.cache/leapfrog/rehearse (--cache DIR or LEAPFROG_REHEARSE_CACHE).`;

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  services: { type: 'string' },
  'fewest-stops': { type: 'boolean', default: false },
  all: { type: 'boolean', default: false },
  db: { type: 'string' },
  dump: { type: 'string' },
  replace: { type: 'boolean', default: false },
  record: { type: 'boolean', default: false },
  'roots-only': { type: 'boolean', default: false },
  'containerfiles-only': { type: 'boolean', default: false },
  containerfiles: { type: 'string', default: 'keystone' },
  suites: { type: 'string' },
  jobs: { type: 'string', default: '1' },
  worker: { type: 'boolean', default: false },
  'controls-only': { type: 'boolean', default: false },
  cache: { type: 'string' },
  out: { type: 'string' },
  content: { type: 'string' },
  port: { type: 'string', default: '13306' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Every request to run: one pair, or with --all every forward pair between series some suite ships, both policies. */
function requests(content: Content, values: ReturnType<typeof parse>, shipped: Shipped[], dump?: DumpPlan): RunRequest[] {
  const asked = values.services
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const services = dump ? dumpServices(dump, asked) : (asked ?? SERVICES.map((s) => s.id));
  if (!values.all) {
    // As `runbook` reads them (Ocata, 2017.1); an unknown one goes on for the planner to report.
    const from = findSeries(content, values.from!)?.id ?? values.from!;
    const to = findSeries(content, values.to!)?.id ?? values.to!;
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
  if (values['containerfiles-only']) return containerfilesOnly(values, out, err);
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
      dumpServices(
        dump,
        values.services
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    } catch (error) {
      err.write(`leapfrog rehearse: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const log = (line: string) => err.write(`${line}\n`);
  const content = loadContent(values.content ? resolve(values.content) : DEFAULT_CONTENT_DIR);
  const cache = resolve(values.cache ?? defaultRehearseCache());
  const roots = async (log: (line: string) => void) => {
    const started = Date.now();
    // --suites: only these Debian suites' roots (a single pair needs two), e.g. --suites bullseye,bookworm.
    const built = await buildRoots(cache, values.suites?.split(',') ?? SUITES, ROOT_PACKAGES, log);
    const shipped = built.flatMap((root) => shippedBy(root, readRecord(SHIPPED_RECORD)));
    log(`roots: ${built.map((r) => r.suite).join(', ')} ready (${Math.round((Date.now() - started) / 1000)}s)`);
    // The newest suite wins when two ship the same series of a service.
    const rootOf: RootOf = (service, series) =>
      built.find((r) => r.suite === shipped.findLast((s) => s.service === service && s.series === series)?.suite)?.dir;
    return { shipped, rootOf };
  };
  if (values.worker) {
    // A worker gets the server from its parent through the environment, never on a command line.
    const server = parseServer(process.env.LEAPFROG_REHEARSE_DB ?? '');
    const redact = redactor([server.password, ...(dump?.secrets ?? [])]);
    const { shipped, rootOf } = await roots(log);
    const part: Report = { date: new Date().toISOString(), shipped, runs: [], not_rehearsable: [] };
    const path = resolve(values.out!);
    if (values['controls-only']) part.controls = CONTROLS.map((control) => runControl(control, server, rootOf, redact, log));
    else
      rehearseAll(requests(content, values, shipped, dump), part, { content, server, rootOf, redact, log, dump }, () =>
        writeReport(path, JSON.parse(redact(JSON.stringify(part))) as Report),
      );
    writeReport(path, JSON.parse(redact(JSON.stringify(part))) as Report);
    return 0;
  }
  const run = new Run(log);
  let secrets: string[] = [];
  try {
    // Before the server's leftovers are looked at: a second rehearsal with --replace would drop the first one's databases.
    const holder = holdRoots(run, cache);
    if (holder) {
      err.write(
        `leapfrog rehearse: another rehearsal (pid ${holder}) is using the roots in ${cache}; they hold one configuration per service, so rehearsals take turns\n`,
      );
      return 2;
    }
    let url = values.db;
    if (!url) {
      url = (await startLocalServer(Number(values.port), log, (stop) => run.onCleanup(stop))).url;
    }
    const server = parseServer(url);
    secrets = [server.password, ...(dump?.secrets ?? [])];
    const redact = redactor(secrets);
    const leftovers = existingScratch(server);
    if (leftovers.length && !values.replace) {
      err.write(
        `leapfrog rehearse: the server already has ${leftovers.join(', ')}; drop them or pass --replace (only leapfrog_rehearse_* databases are ever dropped)\n`,
      );
      return 2;
    }
    for (const name of leftovers) dropDatabase(server, name);
    // Normally every run drops its own; after a failure or a signal, whatever the journal still names.
    run.onCleanup(() => {
      for (const name of run.created()) dropDatabase(server, name);
    });
    const { shipped } = await roots(log);
    if (values.record) writeRecord(SHIPPED_RECORD, shipped);
    const path = resolve(values.out ?? join(CHECKOUT, 'dist/rehearse/report.json'));
    const report: Report = { date: new Date().toISOString(), shipped, runs: [], not_rehearsable: [] };
    const services = [...new Set(requests(content, values, shipped, dump).map((r) => r.service))];
    for (const part of await inWorkers(run, argv, services, Math.max(1, Number(values.jobs)), url, log)) {
      report.runs.push(...part.runs);
      report.not_rehearsable.push(...part.not_rehearsable);
    }
    // The controls reuse keystone's scratch names: after the runs, never beside them.
    if (values.all) report.controls = (await inWorkers(run, argv, [], 1, url, log, true))[0]!.controls;
    // A cold image build takes minutes (apt in a chroot): --all builds one service's per suite, keystone's by
    // default; --containerfiles-only builds every one.
    if (values.all && !values.worker) report.containerfiles = await containerfiles(content, { ...values, services: values.containerfiles }, cache, log);
    writeReport(path, JSON.parse(redact(JSON.stringify(report))) as Report);
    if (values.record) writeFileSync(REHEARSAL_RECORD, `${JSON.stringify(rehearsalRecords(report), null, 2)}\n`);
    const images = report.containerfiles ? `${imagesLine(report.containerfiles)}\n` : '';
    out.write(`${redact(table(report))}\n\nreport: ${path}\n${images}${lastLine(report)}\n`);
    // One pair of which nothing could be rehearsed (e.g. the tested path crosses series Debian does not ship) is no pass.
    const nothing = !values.all && report.runs.length === 0;
    return nothing || report.runs.some((r) => r.failed) || report.controls?.some((c) => !c.caught) || report.containerfiles?.some((c) => !c.passed) ? 1 : 0;
  } catch (error) {
    if (run.interrupted) await run.interrupted;
    err.write(`leapfrog rehearse: ${redactor(secrets)((error as Error).message)}\n`);
    return 1;
  } finally {
    // A signal that came during synchronous work is handled now, by the handler, with its exit code.
    await new Promise((r) => setImmediate(r));
    if (run.interrupted) await run.interrupted;
    run.cleanup();
  }
}

/** The runbooks' Containerfiles of Debian's packages, for the --suites and --services asked (all by default). */
function containerfiles(
  content: Content,
  values: Pick<ReturnType<typeof parse>, 'suites' | 'services' | 'jobs'>,
  cache: string,
  log: (line: string) => void,
): Promise<ImageRecord[]> {
  const list = (v: string | undefined) =>
    v
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const requests = imageRequests(content, { suites: list(values.suites), services: list(values.services) });
  log(`containerfiles: ${requests.length} to build (${requests.map((r) => `${r.service}:${r.series}`).join(', ')})`);
  return checkImages(cache, requests, SHIPPED_RECORD, Number(values.jobs), log);
}

/** Only the Containerfiles: no database, no rehearsal runs; a report of their own. */
async function containerfilesOnly(values: ReturnType<typeof parse>, out: Output, err: Output): Promise<number> {
  const content = loadContent(values.content ? resolve(values.content) : DEFAULT_CONTENT_DIR);
  const records = await containerfiles(content, values, resolve(values.cache ?? defaultRehearseCache()), (l) => err.write(`${l}\n`));
  if (records.length === 0) {
    err.write(
      `leapfrog rehearse: no runbook Containerfile of Debian's packages matches --suites ${values.suites ?? '(all)'} --services ${values.services ?? '(all)'}; suites: ${SUITES.join(', ')}\n`,
    );
    return 2;
  }
  const path = resolve(values.out ?? join(CHECKOUT, 'dist/rehearse/containerfiles.json'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ date: new Date().toISOString(), containerfiles: records }, null, 2)}\n`);
  out.write(`${imagesTable(records)}\n\nreport: ${path}\n${imagesLine(records)}\n`);
  return records.every((r) => r.passed) ? 0 : 1;
}

/**
 * Services rehearse independently (their own databases and configuration files), so they are spread
 * over worker processes; one service's runs stay in one worker, in order, since they share files.
 * With `controls`, one worker runs the negative controls instead.
 */
async function inWorkers(
  run: Run,
  argv: string[],
  services: string[],
  jobs: number,
  url: string,
  log: (line: string) => void,
  controls = false,
): Promise<Report[]> {
  const buckets = controls ? [[]] : Array.from({ length: Math.min(jobs, services.length) }, (_, i) => services.filter((_, j) => j % jobs === i));
  // Not passed on: the parent's own choices, and --db, whose URL holds the password (workers get it in their environment).
  const own = ['--jobs', '--services', '--out', '--db'];
  const keep = argv.filter((a, i) => ![...own, '--record', '--replace'].includes(a) && !own.includes(argv[i - 1] ?? ''));
  return Promise.all(
    buckets.map(async (bucket, i) => {
      const out = join(run.dir, `part-${controls ? 'controls' : i}.json`);
      const args = [...keep, '--worker', ...(controls ? ['--controls-only'] : ['--services', bucket.join(',')]), '--out', out];
      const label = controls ? 'controls' : bucket.join(',');
      const code = await run.worker(fileURLToPath(import.meta.url), args, { LEAPFROG_REHEARSE_DB: url }, (l) => log(`[${label}] ${l}`));
      if (run.interrupted) await run.interrupted;
      // A worker that crashed has written the runs it finished: taken as they are, its services' later
      // pairs would be missing without a word (a --all run lost 7 runs so, and with them the record's pairs).
      if (code !== 0) throw new Error(`worker for ${label} exited ${code} (see its log above); the report would miss its remaining runs`);
      try {
        return JSON.parse(readFileSync(out, 'utf8')) as Report;
      } catch {
        throw new Error(`worker for ${label} wrote no report`);
      }
    }),
  );
}

if (import.meta.main) process.exitCode = await rehearseMain(process.argv.slice(2));
