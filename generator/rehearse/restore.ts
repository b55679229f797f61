import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, mustSql, type Server } from './database.ts';
import type { DumpPlan } from './dump-guard.ts';
import { run } from './exec.ts';
import { round, tail } from './run-steps.ts';
import { configure, urlsFor, type CreateResult } from './seed.ts';
import { SERVICES, scratchName, type RehearsedService } from './services.ts';
import { privateDir } from './tmp.ts';

/** Every database name a dump may hold: upstream's defaults for the rehearsed services. */
export const DUMP_DATABASES = SERVICES.flatMap((s) => s.databases);

/**
 * The services a dump holds: each with every one of its databases (nova: nova, nova_api and
 * nova_cell0). A service with only some, or a --services entry the dump lacks, is an error.
 */
export function dumpServices(plan: DumpPlan, asked?: string[]): string[] {
  const present = SERVICES.filter((s) => s.databases.some((d) => plan.databases.has(d)));
  const partial = present.filter((s) => !s.databases.every((d) => plan.databases.has(d)));
  const problems = partial.map(
    (s) => `${s.id} needs ${s.databases.join(', ')}; the dump lacks ${s.databases.filter((d) => !plan.databases.has(d)).join(', ')}`,
  );
  for (const id of asked ?? [])
    if (!present.some((s) => s.id === id))
      problems.push(`--services ${id}: the dump holds none of its databases (${SERVICES.find((s) => s.id === id)?.databases.join(', ') ?? 'unknown service'})`);
  if (problems.length) throw new Error(`refusing --dump ${plan.file}: ${problems.join('; ')}`);
  return present.map((s) => s.id).filter((id) => !asked || asked.includes(id));
}

/** Rows that are not soft-deleted, per table: archive and purge steps remove deleted rows only. */
export type LiveRows = Record<string, number>;

export function liveRows(server: Server, database: string): LiveRows {
  const columns = mustSql(
    server,
    `SELECT TABLE_NAME, GROUP_CONCAT(COLUMN_NAME) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${database}' GROUP BY TABLE_NAME`,
  )
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t') as [string, string]);
  // nova's shadow_* tables receive what archive_deleted_rows moves and purge removes.
  const counted = columns.filter(([table]) => !table.startsWith('shadow_'));
  if (!counted.length) return {};
  const query = counted
    .map(([table, cols]) => {
      const names = cols.split(',');
      const where = names.includes('deleted') ? ' WHERE deleted = 0' : names.includes('deleted_at') ? ' WHERE deleted_at IS NULL' : '';
      return `SELECT '${table}', COUNT(*) FROM \`${table}\`${where}`;
    })
    .join(' UNION ALL ');
  return Object.fromEntries(
    mustSql(server, query, database)
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const [table, n] = l.split('\t');
        return [table!, Number(n)];
      }),
  );
}

/** Tables with fewer live rows after the leap than the dump brought; a table a migration dropped is not a loss. */
export function rowsLost(before: Record<string, LiveRows>, after: Record<string, LiveRows>): string[] {
  return Object.entries(before).flatMap(([database, tables]) =>
    Object.entries(tables)
      .filter(([table, n]) => after[database]?.[table] !== undefined && after[database]![table]! < n)
      .map(([table, n]) => `${database}.${table}: ${n} live rows restored, ${after[database]![table]} after`),
  );
}

export interface RestoreResult extends CreateResult {
  before?: Record<string, LiveRows>;
}

/**
 * Restores the service's databases from the dump into its scratch databases (mysql --binary-mode:
 * no client commands), points what the rows name at the scratch databases, and counts live rows.
 */
export function restore(server: Server, service: RehearsedService, plan: DumpPlan, rootDir: string, redact: (t: string) => string): RestoreResult {
  let seconds = 0;
  const dir = privateDir('leapfrog-rehearse-restore-');
  try {
    for (const database of service.databases) {
      const scratch = scratchName(database, 'run');
      createDatabase(server, scratch);
      const file = join(dir, `${database}.sql`);
      writeFileSync(file, [...plan.header, ...plan.databases.get(database)!].map((s) => `${s};\n`).join(''), { encoding: 'latin1', mode: 0o600 });
      const result = run('mysql', [`--defaults-extra-file=${server.optionsFile}`, '--binary-mode', scratch], { stdinFile: file });
      seconds += result.seconds;
      rmSync(file);
      if (result.code !== 0)
        return { ok: false, seconds: round(seconds), failure: redact(`restoring ${database} from the dump: exit ${result.code}\n${tail(result.stderr)}`) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  configure(server, service, rootDir, 'run');
  if (service.repoint) {
    const { database, limit, sql } = service.repoint;
    const scratch = scratchName(database, 'run');
    if (Number(mustSql(server, limit.count, scratch).trim()) > limit.max) return { ok: false, seconds: round(seconds), failure: `dump: ${limit.why}` };
    for (const statement of sql(urlsFor(server, service, 'run'))) mustSql(server, statement, scratch);
  }
  const before = Object.fromEntries(service.databases.map((d) => [d, liveRows(server, scratchName(d, 'run'))]));
  return { ok: true, seconds: round(seconds), before };
}
