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
  const dump = run('mysqldump', [
    `--defaults-extra-file=${server.optionsFile}`,
    '--no-data',
    '--skip-comments',
    '--skip-dump-date',
    '--compact',
    '--skip-add-drop-table',
    database,
  ]);
  if (dump.code !== 0) throw new Error(`mysqldump --no-data ${database} failed: ${dump.stderr.trim()}`);
  const tables = normaliseDump(dump.stdout);
  const versions = ['alembic_version', 'migrate_version'].flatMap((table) => {
    const rows = run('mysql', [`--defaults-extra-file=${server.optionsFile}`, '-N', '-B', database, '-e', `SELECT * FROM ${table} ORDER BY 1`]);
    return rows.code === 0
      ? [
          `-- ${table}: ${rows.stdout
            .trim()
            .split('\n')
            .map((r) => r.replace(/\t/g, ' '))
            .sort()
            .join(', ')}`,
        ]
      : [];
  });
  return [...tables, ...versions].join('\n');
}

/** Pure part of the normalisation, testable without a server. */
export function normaliseDump(dump: string): string[] {
  const statements = dump
    .split(/;\n/)
    .map((s) =>
      s
        .split('\n')
        .filter((l) => !/^\/\*!\d+ .*\*\/;?$/.test(l.trim()) && l.trim() !== '')
        .join('\n'),
    )
    .filter((s) => s.startsWith('CREATE TABLE'));
  return statements
    .map((statement) => {
      const lines = statement.split('\n');
      const head = lines[0]!;
      const tail = lines[lines.length - 1]!.replace(/ AUTO_INCREMENT=\d+/, '').replace(/ COMMENT='[^']*'/, '');
      const body = lines
        .slice(1, -1)
        .map((l) => l.trim().replace(/,$/, ''))
        .sort();
      return [head, ...body.map((l) => `  ${l}`), tail].join('\n');
    })
    .sort();
}

export interface SchemaComparison {
  database: string;
  equal: boolean;
  /** Lines only in the rehearsed database (+) or only in the fresh install (-), prefixed by their table. */
  differences: string[];
  /** Known differences with their cause, and the rest: a finding to explain. */
  explained?: { why: string; lines: number }[];
  unexplained?: string[];
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
  return { database, equal: differences.length === 0, differences, ...explain(differences) };
}

/**
 * Differences between a migrated and a fresh schema that come from how upstream's tooling evolved,
 * not from a missed step: each is named and explained in the report, never hidden by normalisation.
 */
const KNOWN: { pattern: RegExp; why: string }[] = [
  {
    pattern: /^\+ [^:]+: CONSTRAINT `[^`]+` CHECK \(`\w+` in \(0,1\)\)$/,
    why: 'Boolean CHECK constraints: SQLAlchemy before 1.4 (bullseye ships 1.3) created CHECK (col IN (0,1)) for every Boolean column; SQLAlchemy 1.4 no longer does (create_constraint defaults to False), so only tables created by the older code have them. Same values allowed either way.',
  },
  {
    pattern: /^\+ (migrate_version: .*|-- migrate_version: .*)$/,
    why: "sqlalchemy-migrate's version table: the switch to alembic stamps the alembic head and leaves the legacy table in place; a fresh install of an alembic-only release never creates it.",
  },
  {
    pattern: /^\+ allocations: KEY `(conductor_affinity|node_id)` \(`\1`\)$/,
    why: 'Ironic allocations: dd67b91a1981 as released up to 2023.1 (ironic 21.4.0) created foreign keys on conductor_affinity and node_id, with the indexes MySQL adds for them; d163df1bab88 (2023.2) drops the foreign keys but not those indexes, and the edited dd67b91a1981 (29.0.0) no longer creates the keys, so only upgraded databases keep the two indexes. Sources: ironic 21.4.0 and 29.0.0 ironic/db/sqlalchemy/alembic/versions/dd67b91a1981_add_allocations_table.py, 29.0.0 d163df1bab88_remove_extra_fk_constraint_in_.py.',
  },
  {
    pattern: /^[+-] quota_usages: UNIQUE KEY `(quota_usages_project_id_key|project_id)` \(`project_id`,`resource`,`race_preventer`\)$/,
    why: "Cinder quota_usages: the same unique key under two names. On an upgraded database Zed's legacy script 141_add_quota_usage_unique_constraint adds it through sqlalchemy-migrate, which names an unnamed constraint <table>_<first column>_key; a fresh Zed install creates it in alembic's 921e1a36b076_initial, unnamed, and MySQL names it after its first column. A later migration dropping it by name would have to try both. Sources: cinder 21.0.0 cinder/db/legacy_migrations/versions/141_add_quota_usage_unique_constraint.py and cinder/db/migrations/versions/921e1a36b076_initial.py; sqlalchemy-migrate migrate/changeset/constraint.py (UniqueConstraint.autoname).",
  },
  {
    pattern: /^[+-] shadow_(migrate|alembic)_version: .*$/,
    why: "Nova: the initial schema gives every table a shadow_ copy by reflecting what exists at that moment, the version table included: shadow_migrate_version where sqlalchemy-migrate created the schema (Victoria's 216_havana chain), shadow_alembic_version on a fresh alembic install. Nothing uses either. Source: nova zed-eom nova/db/main/migrations/versions/8f2f1571d55b_initial_version.py (_create_shadow_tables).",
  },
  {
    pattern: /^[+-] shadow_quota_usages: `resource` varchar\(255\) (DEFAULT NULL|NOT NULL)$/,
    why: "Nova shadow_quota_usages.resource: 247_nullable_mismatch (Victoria's chain) made quota_usages.resource NOT NULL but not its shadow copy, so upgraded databases keep it nullable; the squashed initial versions mean to reproduce that, but test column.name == 'resources' (never true), so fresh installs get NOT NULL. Harmless (archived rows always have a value). Sources: nova 22.0.0 nova/db/sqlalchemy/migrate_repo/versions/247_nullable_mismatch.py; zed-eom nova/db/main/migrations/versions/8f2f1571d55b_initial_version.py.",
  },
];

const RENAMED =
  'Same keys and foreign keys under other names: MySQL numbers unnamed foreign keys <table>_ibfk_<n> in the order a CREATE TABLE declares them, and the older migration scripts (sqlalchemy-migrate, or their squashed initial versions) declared or named them differently from the alembic initial revision a fresh install runs; the columns, references and uniqueness are identical. A later migration that drops one by name would have to handle both names.';

export function explain(differences: string[]): { explained: { why: string; lines: number }[]; unexplained: string[] } {
  const explained = new Map<string, number>();
  const unexplained: string[] = [];
  const add = (why: string) => explained.set(why, (explained.get(why) ?? 0) + 1);
  // A key or foreign key present on both sides under another name: the same structure, named by a tool.
  const unnamed = (line: string) => line.slice(2).replace(/(CONSTRAINT|KEY) `[^`]+`/, '$1 ?');
  const minus = differences.filter((l) => l.startsWith('- ')).map(unnamed);
  const renamed = new Set<string>();
  for (const line of differences.filter((l) => l.startsWith('+ ') && / (CONSTRAINT|KEY) `/.test(l))) {
    const at = minus.indexOf(unnamed(line));
    if (at === -1) continue;
    minus[at] = '';
    renamed.add(line);
    renamed.add(differences.filter((l) => l.startsWith('- ') && unnamed(l) === unnamed(line)).find((l) => !renamed.has(l))!);
  }
  for (const line of differences) {
    const known = KNOWN.find((k) => k.pattern.test(line));
    if (known) add(known.why);
    else if (renamed.has(line)) add(RENAMED);
    else unexplained.push(line);
  }
  return { explained: [...explained].map(([why, lines]) => ({ why, lines })), unexplained };
}
