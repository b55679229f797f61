/**
 * `leapfrog rehearse`: runs the runbooks' database steps on real code (see REHEARSE_USAGE). The
 * parent holds the roots lock, the server and the scratch databases; workers (this command with
 * --worker) rehearse their services; the report is written once all are back.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CONTENT_DIR, loadContent } from '../index.ts';
import { REHEARSAL_RECORD } from '../plan/rehearsal-record.ts';
import { defaultRehearseCache } from './cache-dir.ts';
import { CHECKOUT, listOption, type Output, parseRehearseArgs, REHEARSE_USAGE, type RehearseValues, SHIPPED_RECORD } from './cli-options.ts';
import { containerfiles, containerfilesOnly } from './containerfiles-cli.ts';
import { CONTROLS, runControl } from './controls.ts';
import { dropDatabase, existingScratch, parseServer, redactor, startLocalServer } from './database.ts';
import { type DumpPlan, readDump } from './dump-guard.ts';
import { rehearseAll, type RootOf } from './rehearse-one.ts';
import { lastLine, type Report, rehearsalRecords, table, writeReport } from './report.ts';
import { requests } from './requests.ts';
import { DUMP_DATABASES, dumpServices } from './restore.ts';
import { buildRoots } from './roots.ts';
import { ROOT_PACKAGES } from './services.ts';
import { readRecord, shippedBy, SUITES, writeRecord } from './shipped.ts';
import { holdRoots, Run } from './supervise.ts';
import { imagesLine } from './utility-images.ts';
import { inWorkers } from './workers.ts';

export { REHEARSE_USAGE };

export async function rehearseMain(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  let values: RehearseValues;
  try {
    values = parseRehearseArgs(argv);
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
      dumpServices(dump, listOption(values.services));
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
    const built = await buildRoots(cache, listOption(values.suites) ?? SUITES, ROOT_PACKAGES, log);
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

if (import.meta.main) process.exitCode = await rehearseMain(process.argv.slice(2));
