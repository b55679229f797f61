import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunRecord } from './rehearse-one.ts';
import type { RehearsalRecord } from '../plan/rehearsal-record.ts';
import type { ControlRecord } from './controls.ts';
import { explain } from './schema-diff.ts';
import type { Shipped } from './shipped.ts';
import type { ImageRecord } from './utility-images.ts';

export interface Report {
  date: string;
  /** What each Debian suite ships, per service, and which series that is. */
  shipped: Shipped[];
  runs: RunRecord[];
  /** Pair x service x policy the rehearsal cannot run, with the series whose code no suite ships. */
  not_rehearsable: { from: string; to: string; service: string; policy: string; missing: string[] }[];
  /** Deliberately wrong content that must make the rehearsal fail. */
  controls?: ControlRecord[];
  /** The runbooks' Containerfiles of Debian's packages, built in a chroot and asked their version. */
  containerfiles?: ImageRecord[];
}

export function summary(report: Report): { runs: number; failed: number; mismatches: number } {
  const ran = report.runs;
  return { runs: ran.length, failed: ran.filter((r) => r.failed).length, mismatches: ran.filter((r) => r.schema_equal === false).length };
}

/** The last line CI and the lead read. */
export function lastLine(report: Report): string {
  const s = summary(report);
  return `rehearse: ${s.runs} runs, ${s.failed} failed, ${s.mismatches} schema mismatches`;
}

/** Difference lines of a run that no known cause explains. */
export const unexplained = (r: RunRecord) => (r.schemas ?? []).reduce((n, s) => n + explain(s.differences).unexplained.length, 0);

/** Done-when checks beyond exit codes (done-when.ts): met of made, over the run's steps. */
function checksMet(r: RunRecord): string {
  const checks = (r.steps ?? []).flatMap((s) => s.checks ?? []);
  return checks.length ? `${checks.filter((c) => c.ok).length}/${checks.length}` : '-';
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));

/** A plain table, one line per run, then the pairs that could not be rehearsed, grouped. */
export function table(report: Report): string {
  const header = ['from', 'to', 'service', 'policy', 'stops', 'steps run', 'done-when checks', 'failed', 'schema equal', 'seconds'];
  const rows = report.runs.map((r) => [
    r.from,
    r.to,
    r.service,
    r.policy,
    r.stops.join('>'),
    String(r.steps_run),
    checksMet(r),
    r.failed ? 'FAILED' : 'no',
    r.schema_equal === null ? '-' : r.schema_equal ? 'yes' : unexplained(r) ? 'NO' : 'no (explained)',
    `${r.seconds}${r.same_as ? ` (=${r.same_as})` : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...rows.map(line)];
  const grouped = new Map<string, string[]>();
  for (const n of report.not_rehearsable) {
    const key = `${n.from} -> ${n.to} (${n.policy}): missing ${n.missing.join(', ')}`;
    grouped.set(key, [...(grouped.get(key) ?? []), n.service]);
  }
  if (grouped.size) out.push('', "Not rehearsable (no Debian suite ships that series' code):", ...[...grouped].map(([k, s]) => `  ${k}: ${s.join(', ')}`));
  const causes = new Map<string, string[]>();
  for (const r of report.runs.filter((r) => r.schema_equal === false && !r.same_as)) {
    for (const e of (r.schemas ?? []).flatMap((s) => explain(s.differences).explained))
      causes.set(e.why, [...new Set([...(causes.get(e.why) ?? []), `${r.service} ${r.from}>${r.to}`])]);
  }
  if (causes.size) out.push('', 'Explained schema differences:', ...[...causes].map(([why, runs]) => `  ${why} (${runs.join(', ')})`));
  for (const c of report.controls ?? []) out.push('', `Control (must fail): ${c.name}: ${c.caught ? `failed as it must (${c.run.failure})` : 'DID NOT FAIL'}`);
  if (report.containerfiles?.length) out.push('', imagesTable(report.containerfiles));
  return out.join('\n');
}

/** One line per Containerfile: which stop's image, the command asked, what it printed. */
export function imagesTable(records: ImageRecord[]): string {
  return [
    'Containerfiles (built in a chroot, manage command asked its version):',
    ...records.map(
      (r) =>
        `  ${r.service}:${r.series} (debian:${r.suite}, ${r.key}) ${r.commands.map((c) => c.join(' ')).join(', ')}: ${r.passed ? `${r.printed}, as recorded` : `FAILED: ${r.failure}`}${r.reused ? ' (cached)' : ` (${r.seconds}s)`}`,
    ),
  ].join('\n');
}

export function writeReport(path: string, report: Report): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * The committed record the runbooks read (content/rehearsals.json): per pair and policy whose every
 * rehearsed service passed, the steps run and whether every schema equals a fresh install. A pair
 * with a failure gets no record: the runbook must not claim a rehearsal that failed.
 */
export function rehearsalRecords(report: Report): RehearsalRecord[] {
  const keys = [...new Set(report.runs.map((r) => `${r.from} ${r.to} ${r.policy}`))];
  return keys.flatMap((key) => {
    const runs = report.runs.filter((r) => `${r.from} ${r.to} ${r.policy}` === key);
    if (runs.some((r) => r.failed)) return [];
    const [from, to, policy] = key.split(' ') as [string, string, 'tested' | 'fewest'];
    return [
      {
        from,
        to,
        policy,
        date: report.date,
        services: runs.map((r) => r.service),
        steps: runs.reduce((n, r) => n + r.steps_run, 0),
        schemaEqual: runs.every((r) => r.schema_equal === true),
        differencesExplained: runs.every((r) => unexplained(r) === 0),
        notRehearsed: report.not_rehearsable
          .filter((n) => n.from === from && n.to === to && n.policy === policy)
          .map((n) => ({ service: n.service, missing: n.missing })),
      },
    ];
  });
}
