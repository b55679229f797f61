import type { Role } from '../schema/service.ts';
import type { Plan } from './plan-model.ts';
import type { RehearsalRecord } from './rehearsal-record.ts';

/** One checklist item. The first six fields are the JSON contract; the rest feed Markdown and the site. */
export interface RunbookStep {
  /** Stable: derived from content ids, never from positions. */
  id: string;
  title: string;
  service: string | null;
  /** Series whose code runs the step (its utility or the installed code), or null. */
  series: string | null;
  commands: string[];
  sources: string[];
  /** The kinds of host the commands run on, when the step runs on some hosts only (JSON: optional `hosts`). */
  hosts?: Role[];
  notes: string[];
  doneWhen?: string;
  /** A community note's sanitised Markdown, shown under the step. */
  body?: string;
  /** Heading the step is listed under within its section, e.g. "Nova at Ocata". */
  group?: string;
}

export interface RunbookSection {
  id: 'prepare' | 'offline-migrations' | 'deploy-target' | 'verify' | 'roll-back';
  title: string;
  intro: string;
  steps: RunbookStep[];
}

export interface Runbook {
  plan: Plan;
  /** Said once, at the top: e.g. that --fewest-stops leaves upstream's tested path. */
  warnings: string[];
  sections: RunbookSection[];
  /** When `npm run rehearse` ran this pair's database steps with upstream code: the record and its one-line summary. */
  rehearsal?: RehearsalRecord & { line: string };
}
