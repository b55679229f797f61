import type { Content, Release, Series, Service } from '../../content.ts';
import { OFFLINE_PHASES } from '../../schema/phases.ts';
import { stoppedForMigrations } from '../lifetimes.ts';
import type { Plan, ServicePath, ServiceStop } from '../plan-model.ts';
import type { RunbookSection, RunbookStep } from '../runbook-model.ts';
import { backupSteps } from './backups.ts';
import { contentStep } from './content-step.ts';
import { serviceAt } from './groups.ts';
import { inDataPlaneOrder, ownUnits, unitSteps, webServers, webServerStep } from './units.ts';
import { blockerStepId, contentStepId, plannedStepId } from '../step-id.ts';
import { sameStep } from '../step-identity.ts';
import type { UtilityMethod } from '../utility/method.ts';

const STOP_GROUP = 'Stop the services';

/** Stop everything that writes to the databases, back them up, then each service's stops in order. */
export function offlineSection(content: Content, plan: Plan): RunbookSection {
  const steps: RunbookStep[] = [...stopServices(content, plan), ...backupSteps(content, plan)];
  for (const path of plan.paths) {
    steps.push(...sourceWork(content, plan, path));
    // Upstream keeps refusing migrations in later releases, so later files repeat a blocker;
    // the operator confirms the work once, before the first stop that needs it.
    const confirmed = new Set<string>();
    for (const stop of path.stops) steps.push(...migrationSteps(content, plan, stop, confirmed));
  }
  return {
    id: 'offline-migrations',
    title: 'Offline migrations',
    intro:
      "Stop the services and back up their databases. Then finish the source series' own work with its installed code, and run each stop's migrations from that stop's utility, service by service, stop by stop, in this order. Do not start the next step until the previous one is complete.",
    steps,
  };
}

/**
 * The web server once (it serves several APIs), each service's own controller units, then the
 * data plane (agents, computes, volume and conductor hosts), so nothing writes while the
 * databases are dumped and migrated.
 */
function stopServices(content: Content, plan: Plan): RunbookStep[] {
  const { from } = plan;
  const stopped = plan.services.filter((s) => stoppedForMigrations(content, s, from));
  // A web server is stopped when a service with a database is served by it; the note names
  // every selected site on it, horizon's dashboard too.
  const servers = webServers(content, plan.services, from, 'run').filter((server) => server.sites.some((site) => stopped.includes(site.service)));
  const groups = stopped.flatMap((service) => ownUnits(content, service, from, 'run').map((group) => ({ service, group })));
  const named = `Units as ${from.name} packages name them on Ubuntu/Debian; names differ between distributions: stop every unit of this service.`;
  const step = ({ service, group }: (typeof groups)[number], title: string) =>
    unitSteps(plannedStepId('offline', 'stop', service.id), 'stop', service, [group], from, { notes: [named, ...service.notes], group: title });
  return [
    ...webServerStep(plannedStepId('offline', 'stop', 'web-server'), 'stop', servers, from, STOP_GROUP),
    ...groups.filter((g) => g.group.role === 'controller').flatMap((g) => step(g, STOP_GROUP)),
    ...inDataPlaneOrder(groups.filter((g) => g.group.role !== 'controller')).flatMap((g) => step(g, 'Stop the data plane')),
  ];
}

/**
 * The source series' own unfinished work, run with the installed code once the services are
 * stopped and the backups taken: its online data migrations, and any step a later stop's blocker
 * names (work that was optional at the source, like nova's cells v2 setup in Newton).
 */
function sourceWork(content: Content, plan: Plan, path: ServicePath): RunbookStep[] {
  const { from } = plan;
  const { of: service, stops } = path;
  if (stops.some((s) => s.at.id === from.id)) return []; // the source is a stop: its utility runs all of it
  const named = new Set(stops.flatMap((s) => s.blockers.filter((b) => b.needs.id === from.id).flatMap((b) => b.steps)));
  return (content.release(from.id, service.id)?.steps ?? [])
    .filter((step) => step.phase === 'online' || (named.has(step.id) && step.phase !== 'pre-check'))
    .map((step) => contentStep(service, from.id, step, 'installed', { group: `${serviceAt(service, from)} (source code)` }));
}

function migrationSteps(content: Content, plan: Plan, stop: ServiceStop, confirmed: Set<string>): RunbookStep[] {
  const { service, at: series, release } = stop;
  const gates: RunbookStep[] = stop.blockers
    .filter((b) => content.indexOf(b.needs.id) >= content.indexOf(plan.from.id))
    .filter((b) => {
      const key = `${b.needs.id}:${[...b.steps].sort().join(',')}`;
      if (confirmed.has(key)) return false;
      confirmed.add(key);
      return true;
    })
    .map((b) => gate(content, service, series, b.needs, b.text, b.sources, b.steps));
  return [...gates, ...stopWork(service, series, release, plan.utility)];
}

/** A blocker as a gate before the stop it blocks; keyed by the blocker's own fields, the same in every pair. */
const gate = sameStep(
  (content: Content, service: Service, series: Series, needs: Series, text: string, sources: string[], steps: string[]): RunbookStep => ({
    id: blockerStepId(series.id, service.id, needs.id),
    title: `Confirm ${needs.name} work is complete: ${steps.join(', ')}`,
    service: service.id,
    series: null,
    commands: [],
    sources,
    notes: [text, ...doneWhen(content, service, needs.id, steps)],
    group: serviceAt(service, series),
  }),
);

// A stop's own work is the same in every runbook that makes that stop: one look-up, not one per step.
const stopWork = sameStep((service: Service, series: Series, release: Release, utility: UtilityMethod) =>
  release.steps.filter((s) => OFFLINE_PHASES.includes(s.phase)).map((s) => contentStep(service, series.id, s, utility, { group: serviceAt(service, series) })),
);

/** How the blocking steps said they are complete, so the gate can be checked, not assumed. */
function doneWhen(content: Content, service: Service, series: string, ids: string[]): string[] {
  const release = content.release(series, service.id);
  return ids.flatMap((id) => {
    const step = release?.steps.find((s) => s.id === id);
    return step?.['done-when'] ? [`\`${contentStepId(series, service.id, id)}\` is complete when: ${step['done-when']}`] : [];
  });
}
