import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths.ts';
import type { Plan } from './plan-model.ts';

/**
 * What `npm run rehearse -- --record` measured for a pair and policy, committed as
 * content/rehearsals.json: the runbook's database steps run with upstream's code (Debian's packages
 * of each series) against scratch databases, and whether the schema came out equal to a fresh install.
 */
export interface RehearsalRecord {
  from: string;
  to: string;
  policy: 'tested' | 'fewest';
  date: string;
  /** Services whose database steps ran, each passing. */
  services: string[];
  steps: number;
  schemaEqual: boolean;
  /** When not equal: every difference has a named upstream cause (the report gives each). */
  differencesExplained?: boolean;
  /** Services of the pair left out, with the series no Debian suite ships. */
  notRehearsed: { service: string; missing: string[] }[];
}

export const REHEARSAL_RECORD = join(ROOT, 'content', 'rehearsals.json');

let cached: RehearsalRecord[] | undefined;

function records(): RehearsalRecord[] {
  cached ??= existsSync(REHEARSAL_RECORD) ? (JSON.parse(readFileSync(REHEARSAL_RECORD, 'utf8')) as RehearsalRecord[]) : [];
  return cached;
}

/** The record for this plan's pair and policy, when every one of its rehearsed services passed. */
export function rehearsalFor(plan: Plan): RehearsalRecord | undefined {
  const policy = plan.policy === 'fewest' ? 'fewest' : 'tested';
  return records().find((r) => r.from === plan.from.id && r.to === plan.to.id && r.policy === policy);
}

/** One line for the pair page and the runbook's top, e.g. "Rehearsed with upstream code: 41 steps, schema equal (2026-12-02)". */
export function rehearsalLine(record: RehearsalRecord): string {
  const left = record.notRehearsed.length
    ? `; not rehearsed: ${record.notRehearsed.map((n) => `${n.service} (no Debian package of ${n.missing.join(', ')})`).join(', ')}`
    : '';
  return `Rehearsed with upstream code: ${record.steps} steps, schema ${record.schemaEqual ? 'equal' : record.differencesExplained ? 'equal to a fresh install but for explained upstream differences' : 'different'} (${record.services.join(', ')}; Debian's packages, ${record.date.slice(0, 10)})${left}.`;
}
