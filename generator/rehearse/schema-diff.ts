import { run } from './exec.ts';
import type { Server } from './database.ts';

/**
 * A database's schema as comparable text: mysqldump --no-data, without what differs between any two
 * installs of the same schema (AUTO_INCREMENT counters, comments, the dump's own header), and with
 * each table's column and key lines sorted, since a column added by ALTER TABLE sits at the end of
 * a migrated table but in its declared place in a fresh one. Version tables (alembic_version,
 * migrate_version) are compared by content: the same schema at a different recorded revision is a difference.
 */
export function normalisedSchema(server: Server, database: string): string {
  const dump = run('mysqldump', [`--defaults-extra-file=${server.optionsFile}`, '--no-data', '--skip-comments', '--skip-dump-date', '--compact', '--skip-add-drop-table', database]);
  if (dump.code !== 0) throw new Error(`mysqldump --no-data ${database} failed: ${dump.stderr.trim()}`);
  const tables = normaliseDump(dump.stdout);
  const versions = ['alembic_version', 'migrate_version'].flatMap((table) => {
    const rows = run('mysql', [`--defaults-extra-file=${server.optionsFile}`, '-N', '-B', database, '-e', `SELECT * FROM ${table} ORDER BY 1`]);
    return rows.code === 0 ? [`-- ${table}: ${rows.stdout.trim().split('\n').map((r) => r.replace(/\t/g, ' ')).sort().join(', ')}`] : [];
  });
  return [...tables, ...versions].join('\n');
}

/** Pure part of the normalisation, testable without a server. */
export function normaliseDump(dump: string): string[] {
  const statements = dump
    .split(/;\n/)
    .map((s) => s.split('\n').filter((l) => !/^\/\*!\d+ .*\*\/;?$/.test(l.trim()) && l.trim() !== '').join('\n'))
    .filter((s) => s.startsWith('CREATE TABLE'));
  return statements
    .map((statement) => {
      const lines = statement.split('\n');
      const head = lines[0]!;
      const tail = lines[lines.length - 1]!
        .replace(/ AUTO_INCREMENT=\d+/, '')
        .replace(/ COMMENT='[^']*'/, '');
      const body = lines.slice(1, -1).map((l) => l.trim().replace(/,$/, '')).sort();
      return [head, ...body.map((l) => `  ${l}`), tail].join('\n');
    })
    .sort();
}

export interface SchemaComparison {
  database: string;
  equal: boolean;
  /** Lines only in the rehearsed database (+) or only in the fresh install (-), prefixed by their table. */
  differences: string[];
}

/** Compares line sets per table: what the rehearsed copy has that a fresh install lacks, and the reverse. */
export function compareSchemas(database: string, rehearsed: string, fresh: string): SchemaComparison {
  const keyed = (text: string) => {
    const set = new Set<string>();
    let table = '';
    for (const line of text.split('\n')) {
      if (line.startsWith('CREATE TABLE')) table = line.replace(/^CREATE TABLE `([^`]+)`.*$/, '$1');
      set.add(line.startsWith('-- ') ? line : `${table}: ${line.trim()}`);
    }
    return set;
  };
  const a = keyed(rehearsed);
  const b = keyed(fresh);
  const differences = [...[...a].filter((l) => !b.has(l)).map((l) => `+ ${l}`), ...[...b].filter((l) => !a.has(l)).map((l) => `- ${l}`)];
  return { database, equal: differences.length === 0, differences };
}
