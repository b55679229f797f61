import type { Stop } from '../plan/plan-model.ts';
import type { Runbook, RunbookStep } from '../plan/runbook-model.ts';
import { isShared } from '../plan/step-identity.ts';
import { ROLE_HOSTS, ROLE_NAMES } from '../plan/lifetimes.ts';
import type { Role } from '../schema/service.ts';
import { byArguments } from '../text/argument-memo.ts';
import type { Utf8Text } from '../text/utf8-text.ts';
import { groupSteps } from './group-steps.ts';

/** What the Markdown templates see: presentation-ready names, groups and rows; no decisions left. */
export function viewModel(runbook: Runbook) {
  const { plan } = runbook;
  const policy =
    plan.policy === 'fewest' ? 'fewest stops the data allows (--fewest-stops)' : "upstream's tested path (N to N+1 before 2023.1, SLURP to SLURP after)";
  return {
    from: plan.from,
    to: plan.to,
    services: plan.services.map((s) => s.name).join(', '),
    hosts: hostsOf(runbook),
    policy,
    warnings: runbook.warnings,
    // Handlebars runs strict: no record is an empty line, which the template leaves out.
    rehearsal: runbook.rehearsal?.line ?? '',
    stops: plan.stops.map((stop) => ({
      name: stop.at.name,
      version: stop.at.version,
      services: stop.visits.map((v) => v.service.name),
      reasons: stopSummaries(stop).join('; '),
    })),
    // A series where a service has no database work is skipped trivially: not worth a line.
    skipped: plan.paths.flatMap((p) =>
      p.skipped
        .filter((s) => s.reasons.some((r) => r.kind !== 'no-database-work'))
        .map((s) => ({
          service: p.of.name,
          name: s.at.name,
          reason: s.reasons.map((r) => r.text).join('; '),
        })),
    ),
    sections: runbook.sections.map((section, i) => ({
      number: i + 1,
      title: section.title,
      intro: section.intro,
      groups: groupSteps(section.steps).map((g) => (g.steps.every(isShared) ? sharedGroup(g.title, ...g.steps) : groupOf(g.title, g.steps))),
    })),
  };
}

/**
 * A shared step's view holds its kept Markdown (templates.ts) under this key: null until written,
 * absent on a view of a step built by hand. A slot of the view itself, so that a step met again
 * costs one look-up (its view), not three (view, kept text, whether shared).
 */
export const KEPT = Symbol('kept Markdown');

/** The kinds of host the runbook's steps run on, in the order the model lists them: one pass over the steps. */
function hostsOf(runbook: Runbook): string {
  const roles = new Set<Role>();
  for (const section of runbook.sections) for (const step of section.steps) if (step.hosts) for (const role of step.hosts) roles.add(role);
  return (Object.keys(ROLE_HOSTS) as Role[])
    .filter((r) => roles.has(r))
    .map((r) => ROLE_NAMES[r])
    .join(', ');
}

export type StepView = RunbookStep & { doneWhen: string; body: string; on: string; [KEPT]?: Uint8Array | null };

const views = new WeakMap<RunbookStep, StepView>();

/** A shared step keeps one view, so the step partial can keep its Markdown in it (templates.ts). */
function stepView(step: RunbookStep): StepView {
  let view = views.get(step);
  if (!view) {
    const shared = isShared(step);
    // Handlebars runs strict: optional fields become empty strings.
    view = {
      ...step,
      doneWhen: step.doneWhen ?? '',
      body: step.body ?? '',
      on: step.hosts ? step.hosts.map((r) => ROLE_NAMES[r]).join(', ') : '',
      [KEPT]: shared ? null : undefined,
    };
    if (shared) views.set(step, view);
  }
  return view;
}

/**
 * A group's view holds its kept Markdown (templates.ts) under this key when all its steps are
 * shared: null until written. The pieces are its steps' own, kept by reference, never copied.
 */
export const KEPT_GROUP = Symbol('kept group Markdown');

export interface GroupView {
  title: string;
  steps: StepView[];
  [KEPT_GROUP]?: Utf8Text | null;
}

function groupOf(title: string | undefined, steps: readonly RunbookStep[]): GroupView {
  return { title: title ?? 'Steps', steps: steps.map(stepView) };
}

// A stop's steps for one service make a group, and the same stop recurs in hundreds of runbooks:
// one view per title and steps (by identity), so its Markdown is written once.
const sharedGroup = byArguments((title: string | undefined, ...steps: RunbookStep[]): GroupView => ({ ...groupOf(title, steps), [KEPT_GROUP]: null }));

/** Whether a template context is a group view whose Markdown may be kept in it. */
export function isSharedGroup(context: unknown): context is GroupView {
  return typeof context === 'object' && context !== null && (context as GroupView)[KEPT_GROUP] !== undefined;
}

/** Whether a template context is a shared step's view: its Markdown is the same wherever it appears. */
export function isSharedView(context: unknown): context is StepView {
  return typeof context === 'object' && context !== null && (context as StepView)[KEPT] !== undefined;
}

/** "nova: upstream tests Newton from here; keystone: target", merging services that share a summary. */
function stopSummaries(stop: Stop): string[] {
  const byText = new Map<string, string[]>();
  for (const visit of stop.visits) {
    for (const reason of visit.reasons) {
      const services = byText.get(reason.summary);
      if (services) services.push(visit.service.id);
      else byText.set(reason.summary, [visit.service.id]);
    }
  }
  return [...byText].map(([summary, services]) => `${services.join(', ')}: ${summary}`);
}
