/**
 * Step identity, in one place. Ids are stable across versions and pairs: change tickets, the
 * site's saved ticks and shared links rely on them, so they are made from content ids and never
 * from positions. Builders, the site and tests all use these functions.
 */

import type { Role } from '../schema/service.ts';

/** Dot-separated kebab-case parts, e.g. `ocata.nova.db-sync` or `offline.backup.nova`. */
export const STEP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

/** The sections whose planner steps are named after them. */
export type StepSection = 'prepare' | 'offline' | 'deploy' | 'rollback';

/** A content step where it runs at a stop or after the target is deployed: `<series>.<service>.<step>`. */
export function contentStepId(series: string, service: string, step: string): string {
  return `${series}.${service}.${step}`;
}

/** The same content step run before the window, in Prepare: `prepare.<series>.<service>.<step>`. */
export function preparedStepId(series: string, service: string, step: string): string {
  return `prepare.${contentStepId(series, service, step)}`;
}

/** The gate before a stop whose blocker needs an earlier series' work: `<series>.<service>.requires.<series>`. */
export function blockerStepId(series: string, service: string, requires: string): string {
  return contentStepId(series, service, `requires.${requires}`);
}

/** A step the planner adds around the content: `<section>.<part>…`, e.g. `offline.backup.nova`. */
export function plannedStepId(section: StepSection, ...parts: string[]): string {
  return [section, ...parts].join('.');
}

/** A step split by kind of host: `<base>` on controllers, `<base>.<role>` on the others, e.g. `deploy.nova.start.compute`. */
export function roleStepId(base: string, role: Role): string {
  return role === 'controller' ? base : `${base}.${role}`;
}
