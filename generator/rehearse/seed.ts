import { createDatabase, mustSql, serviceUrl, sql, type Server } from './database.ts';
import { round } from './run-steps.ts';
import { inRoot, tail, writeConfig } from './run-steps.ts';
import { scratchName, type DatabaseSet, type RehearsedService, type Urls } from './services.ts';

export function urlsFor(server: Server, service: RehearsedService, set: DatabaseSet): Urls {
  return Object.fromEntries(service.databases.map((d) => [d, serviceUrl(server, scratchName(d, set))]));
}

/** Points the service's configuration in a root at one database set. */
export function configure(server: Server, service: RehearsedService, rootDir: string, set: DatabaseSet): void {
  writeConfig(rootDir, service.config(urlsFor(server, service, set)));
}

export interface CreateResult {
  ok: boolean;
  seconds: number;
  failure?: string;
}

/**
 * Creates a series' schema in a database set with that series' own code. Nova creates cell0's
 * database content itself once map_cell0 has recorded it; the empty databases are ours.
 */
export function createSchema(server: Server, service: RehearsedService, rootDir: string, set: DatabaseSet, redact: (t: string) => string): CreateResult {
  for (const database of service.databases) createDatabase(server, scratchName(database, set));
  configure(server, service, rootDir, set);
  let seconds = 0;
  for (const command of service.create) {
    const result = inRoot(rootDir, command);
    seconds += result.seconds;
    if (result.code !== 0)
      return { ok: false, seconds: round(seconds), failure: redact(`${command}: exit ${result.code}\n${tail(result.stdout + result.stderr)}`) };
  }
  return { ok: true, seconds: round(seconds) };
}

/** The source's db sync, then a little real data written with the source code or plain SQL. */
export function seed(server: Server, service: RehearsedService, rootDir: string, redact: (t: string) => string): CreateResult {
  const created = createSchema(server, service, rootDir, 'run', redact);
  if (!created.ok) return created;
  let seconds = created.seconds;
  for (const command of service.data.commands) {
    const result = inRoot(rootDir, command);
    seconds += result.seconds;
    if (result.code !== 0)
      return { ok: false, seconds: round(seconds), failure: redact(`${command}: exit ${result.code}\n${tail(result.stdout + result.stderr)}`) };
  }
  for (const [database, statements] of Object.entries(service.data.sql)) {
    for (const statement of statements) {
      const result = sql(server, statement, scratchName(database, 'run'));
      if (result.code !== 0) return { ok: false, seconds: round(seconds), failure: `seed SQL in ${database} failed: ${result.stderr.trim()}` };
    }
  }
  const lost = survivors(server, service).filter((c) => !c.ok);
  if (lost.length) return { ok: false, seconds: round(seconds), failure: `seeded rows missing right after seeding: ${lost.map((c) => c.what).join(', ')}` };
  return { ok: true, seconds: round(seconds) };
}

/** Whether each seeded record is still there, in the rehearsed databases. */
export function survivors(server: Server, service: RehearsedService): { what: string; ok: boolean; found: number }[] {
  return service.checks.map((check) => {
    const found = Number(mustSql(server, check.count, scratchName(check.database, 'run')).trim());
    return { what: check.what, ok: found === check.expected, found };
  });
}
