import type { Content } from '../content.ts';
import { buildRunbook } from '../plan/build-runbook.ts';
import { dropDatabase, mustSql, type Server } from './database.ts';
import { round, runSteps, serviceSteps, type StepRecord } from './run-steps.ts';
import { compareSchemas, normalisedSchema, type SchemaComparison } from './schema-diff.ts';
import type { DumpPlan } from './dump-guard.ts';
import { liveRows, restore, rowsLost, type RestoreResult } from './restore.ts';
import { configure, createSchema, seed, survivors } from './seed.ts';
import { rehearsedService, scratchName } from './services.ts';

export type Policy = 'tested' | 'fewest';

export interface RunRequest {
  from: string;
  to: string;
  service: string;
  policy: Policy;
}

/** Root folder holding a series' code for one service, when some Debian suite ships it. */
export type RootOf = (service: string, series: string) => string | undefined;

/** One record of dist/rehearse/report.json: a pair, a service, a policy. */
export interface RunRecord extends RunRequest {
  stops: string[];
  rehearsable: boolean;
  /** Series the rehearsal needs whose code no Debian suite ships (when not rehearsable). */
  missing?: string[];
  steps_run: number;
  failed: boolean;
  failure?: string;
  schema_equal: boolean | null;
  seconds: number;
  seeded_rows_survived?: boolean;
  /** With --dump: the dump restored the source instead of a seed, and its live rows all survived (else rows_lost says where). */
  dump?: string;
  dump_rows_survived?: boolean;
  rows_lost?: string[];
  schemas?: SchemaComparison[];
  steps?: StepRecord[];
  /** Filled by the caller when the same commands already ran under the other policy. */
  same_as?: Policy;
}

/** Plans one service's leap, and says which series' code it needs. */
export function planRun(content: Content, request: RunRequest, rootOf: RootOf) {
  const runbook = buildRunbook(content, { from: request.from, to: request.to, services: [request.service], fewestStops: request.policy === 'fewest' });
  const path = runbook.plan.paths.find((p) => p.service === request.service);
  const stops = path?.stops.map((s) => s.series) ?? [];
  const steps = serviceSteps(runbook, request.service);
  const needed = [...new Set([request.from, ...stops, request.to, ...steps.flatMap((s) => (s.decision.run ? s.decision.commands.map((c) => c.series) : []))])];
  const missing = needed.filter((series) => !rootOf(request.service, series));
  return { runbook, stops, steps, missing };
}

/**
 * Seeds the source databases with the source's code (or restores them from the operator's dump),
 * runs the runbook's database steps in order, checks the seeded (or restored) rows, then compares
 * the schema with a fresh install of the target. The service's scratch databases are dropped
 * afterwards, whatever happened.
 */
export function rehearseOne(
  content: Content,
  request: RunRequest,
  server: Server,
  rootOf: RootOf,
  redact: (t: string) => string,
  log: (line: string) => void,
  dump?: DumpPlan,
): RunRecord {
  const started = process.hrtime.bigint();
  const elapsed = () => round(Number(process.hrtime.bigint() - started) / 1e9);
  const { stops, steps, missing } = planRun(content, request, rootOf);
  const base = { ...request, stops, steps_run: 0, failed: false, schema_equal: null, seconds: 0 };
  if (missing.length) return { ...base, rehearsable: false, missing };
  const service = rehearsedService(request.service)!;
  const root = (series: string) => rootOf(request.service, series);
  const names = [...service.databases.map((d) => scratchName(d, 'run')), ...service.databases.map((d) => scratchName(d, 'fresh'))];
  log(`${request.service} ${request.from} -> ${request.to} (${request.policy}: ${stops.join(', ')})`);
  try {
    const seeded = dump ? restore(server, service, dump, root(request.from)!, redact) : seed(server, service, root(request.from)!, redact);
    const source = dump ? `restore ${service.databases.join(', ')} from ${dump.file}` : `seed with ${request.from} code`;
    log(`  ${seeded.ok ? 'ok  ' : 'FAIL'} ${source} (${seeded.seconds}s)`);
    if (!seeded.ok)
      return {
        ...base,
        rehearsable: true,
        failed: true,
        failure: `${dump ? 'restore' : 'seed'}: ${seeded.failure}`,
        seconds: elapsed(),
        ...(dump ? { dump: dump.file } : {}),
      };
    for (const series of new Set([request.from, ...stops, request.to])) configure(server, service, root(series)!, 'run');
    // nova's list_cells must name every cell the rehearsed nova_api maps (seeded or restored).
    const cells =
      service.id === 'nova'
        ? () =>
            mustSql(server, 'SELECT name FROM cell_mappings', scratchName('nova_api', 'run'))
              .split('\n')
              .filter((n) => n && n !== 'NULL')
        : undefined;
    const records = runSteps(steps, root, redact, log, cells);
    const ran = records.filter((r) => r.ran);
    const failedStep = ran.find((r) => r.failed);
    const before = (seeded as RestoreResult).before;
    const lost = before
      ? rowsLost(before, Object.fromEntries(service.databases.map((d) => [d, liveRows(server, scratchName(d, 'run'))]))).map((what) => ({ what }))
      : survivors(server, service).filter((k) => !k.ok);
    let schemas: SchemaComparison[] | undefined;
    const unmet = failedStep?.checks?.filter((c) => !c.ok).map((c) => c.what);
    let failure = failedStep
      ? unmet?.length
        ? `${failedStep.id}: done-when not met: ${unmet.join('; ')}`
        : `${failedStep.id} exited ${failedStep.exit}`
      : lost.length
        ? `${dump ? 'restored' : 'seeded'} rows lost: ${lost.map((l) => l.what).join(', ')}`
        : undefined;
    if (!failedStep) {
      const fresh = createSchema(server, service, root(request.to)!, 'fresh', redact);
      if (!fresh.ok) failure = `fresh ${request.to} install: ${fresh.failure}`;
      else
        schemas = service.databases.map((d) =>
          compareSchemas(d, normalisedSchema(server, scratchName(d, 'run')), normalisedSchema(server, scratchName(d, 'fresh'))),
        );
      configure(server, service, root(request.to)!, 'run');
    }
    const equal = schemas ? schemas.every((s) => s.equal) : null;
    if (schemas)
      log(
        `  ${equal ? 'ok  ' : 'DIFF'} schema against a fresh ${request.to} install${
          equal
            ? ''
            : `: ${schemas
                .flatMap((s) => s.differences.map((d) => `${s.database} ${d}`))
                .slice(0, 6)
                .join('; ')}`
        }`,
      );
    return {
      ...base,
      rehearsable: true,
      steps_run: ran.length,
      failed: Boolean(failure),
      ...(failure ? { failure } : {}),
      schema_equal: equal,
      seconds: elapsed(),
      schemas,
      steps: records,
      ...(dump
        ? { dump: dump.file, dump_rows_survived: lost.length === 0, ...(lost.length ? { rows_lost: lost.map((l) => l.what) } : {}) }
        : { seeded_rows_survived: lost.length === 0 }),
    };
  } finally {
    for (const name of names) dropDatabase(server, name);
  }
}

/** What every run of one process shares. */
export interface RunContext {
  content: Content;
  server: Server;
  rootOf: RootOf;
  redact: (t: string) => string;
  log: (line: string) => void;
  dump?: DumpPlan;
}

/**
 * Runs the requests in order into `report`: a pair whose series no suite ships is listed as not
 * rehearsable, and a policy whose commands equal the other's records the same run twice.
 * `written` is called after every run, so a long rehearsal cut short still leaves what it measured.
 */
export function rehearseAll(
  all: RunRequest[],
  report: { runs: RunRecord[]; not_rehearsable: { from: string; to: string; service: string; policy: string; missing: string[] }[] },
  ctx: RunContext,
  written: () => void,
): void {
  const done = new Map<string, RunRecord>();
  for (const request of all) {
    const planned = planRun(ctx.content, request, ctx.rootOf);
    if (planned.missing.length) {
      report.not_rehearsable.push({ ...request, missing: planned.missing });
      continue;
    }
    const key = JSON.stringify([
      request.from,
      request.to,
      request.service,
      planned.steps.map((s) => [s.step.id, s.decision.run ? s.decision.commands : s.decision.reason]),
    ]);
    const same = done.get(key);
    if (same) {
      report.runs.push({ ...same, policy: request.policy, same_as: same.policy });
      continue;
    }
    const record = rehearseOne(ctx.content, request, ctx.server, ctx.rootOf, ctx.redact, ctx.log, ctx.dump);
    done.set(key, record);
    report.runs.push(record);
    written();
  }
}
