import type { Content, Series, Service } from '../../content.ts';
import type { Plan } from '../plan-model.ts';
import type { RunbookSection, RunbookStep } from '../runbook-model.ts';
import { phaseSteps } from './applies.ts';
import { contentStep } from './content-step.ts';
import { databaseDriverCheck } from './database-driver.ts';
import { infrastructureChecks } from './infrastructure.ts';
import type { Phase } from '../../schema/release.ts';
import { configChecks } from './config-checks.ts';
import { rehearsal } from './rehearsal.ts';
import { utilities } from './utilities.ts';
import { plannedStepId, preparedStepId } from '../step-id.ts';
import { sameStep } from '../step-identity.ts';

/** Read, update the source, check it, back up, build the utilities. */
export function prepareSection(content: Content, plan: Plan): RunbookSection {
  const { from } = plan;
  const steps: RunbookStep[] = [...readNotes(content, plan)];
  steps.push(updateSource(from));
  // Read-only checks, then housekeeping that only deletes rows already soft-deleted; everything
  // else that writes to the databases runs after the backups, offline.
  const sourceSteps = (phase: Phase, group: string) =>
    plan.services.flatMap((service) =>
      phaseSteps(content, from, service, phase, from).map((step) =>
        contentStep(service, from.id, step, 'installed', { id: preparedStepId(from.id, service.id, step.id), group }),
      ),
    );
  steps.push(...sourceSteps('pre-check', 'Source cloud'), ...databaseDriverCheck(content, plan), ...infrastructureChecks(content, plan));
  steps.push(...sourceSteps('housekeeping', 'Housekeeping on the source cloud'));
  // What a series crossed needs in place before its code runs, done on the running source cloud.
  for (const series of content.between(from.id, plan.to.id)) {
    for (const service of plan.services) {
      steps.push(
        ...phaseSteps(content, series, service, 'before-window', from).map((step) =>
          contentStep(service, series.id, step, 'installed', { group: `Before the window: what ${series.name} needs` }),
        ),
      );
    }
  }
  steps.push(...utilities(content, plan), ...configChecks(content, plan), ...rehearsal(content, plan));
  return {
    id: 'prepare',
    title: 'Prepare',
    intro: `Before the change window: read what changes, bring ${from.name} up to date, run its read-only checks and build one utility per stop. The backups are taken in the window, once the services are stopped.`,
    steps,
  };
}

const updateSource = sameStep(
  (from: Series): RunbookStep => ({
    id: plannedStepId('prepare', 'update-source'),
    title: `Update the source cloud to the latest ${from.name} patch release of every service`,
    service: null,
    series: null,
    commands: [],
    sources: from.sources,
    notes: [`Migrations of later series assume the final ${from.name} schema; the last patch release also carries fixes to its own migrations.`],
    group: 'Source cloud',
  }),
);

/** One step per series and service with changes the operator must act on, so ids do not depend on the pair. */
function readNotes(content: Content, plan: Plan): RunbookStep[] {
  const crossed = [plan.from, ...content.between(plan.from.id, plan.to.id)];
  // The source's own notes are behind the operator: only its community note is read.
  return plan.services.flatMap((service) => crossed.flatMap((series) => readFirst(content, service, series, series.id === plan.from.id)));
}

// Arguments in the order readNotes loops (service, then series): the memo's last-child shortcut then
// hits for the service, and each call pays one map look-up, not two (text/argument-memo.ts).
const readFirst = sameStep((content: Content, service: Service, series: Series, isSource: boolean): RunbookStep[] => {
  const community = content.note(series.id, service.id);
  const communityStep: RunbookStep[] = community
    ? [
        {
          id: plannedStepId('prepare', 'community', series.id, service.id),
          title: `Read the community note on ${service.name} at ${series.name}: ${community.title}`,
          service: service.id,
          series: null,
          commands: [],
          sources: community.sources,
          notes: community.authors.length ? [`By ${community.authors.join(', ')}.`] : [],
          body: community.body,
          group: 'Read first',
        },
      ]
    : [];
  const notes = isSource ? [] : (content.release(series.id, service.id)?.notes ?? []).filter((n) => n.action);
  if (notes.length === 0) return communityStep;
  return [
    ...communityStep,
    {
      id: plannedStepId('prepare', 'notes', series.id, service.id),
      title: `Act on the ${service.name} changes of ${series.name}`,
      service: service.id,
      series: null,
      commands: [],
      sources: [...new Set(notes.flatMap((n) => n.sources))],
      notes: notes.map((n) => n.text),
      group: 'Read first',
    },
  ];
});
