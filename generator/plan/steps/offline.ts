import type { Content, Service } from '../../content.ts';
import { OFFLINE_PHASES } from '../../schema/release.ts';
import type { Plan } from '../plan.ts';
import type { RunbookSection, RunbookStep } from '../runbook-model.ts';
import { stoppedForMigrations, systemctl, unitsAt } from './commands.ts';
import { contentStep } from './content-step.ts';
import { SOURCES } from './sources.ts';

/** Stop the control plane, then each service's stops in order, each from its own utility. */
export function offlineSection(content: Content, plan: Plan): RunbookSection {
  const steps: RunbookStep[] = plan.services.filter((s) => stoppedForMigrations(content, s, plan.from)).map((service) => ({
    id: `offline.stop.${service.id}`,
    title: `Stop the ${service.name} control-plane services`,
    service: service.id, series: null,
    commands: systemctl('stop', unitsAt(service, (id) => content.indexOf(id), plan.from)),
    sources: [...service.sources, SOURCES.systemctl],
    notes: [`Units as ${plan.from.name} packages name them on Ubuntu/Debian; names differ between distributions: stop every unit of this service on every controller.`, ...service.notes],
    group: 'Stop the control plane',
  }));
  for (const path of plan.paths) {
    const service = content.getService(path.service)!;
    steps.push(...sourceWork(content, plan, service, path.stops.map((s) => s.series)));
    // Upstream keeps refusing migrations in later releases, so later files repeat a blocker;
    // the operator confirms the work once, before the first stop that needs it.
    const confirmed = new Set<string>();
    for (const stop of path.stops) steps.push(...stopSteps(content, plan, service, stop.series, confirmed));
  }
  return {
    id: 'offline-migrations',
    title: 'Offline migrations',
    intro: 'With the services stopped: finish the source series\' own work with its installed code, then run each stop\'s migrations from that stop\'s utility, service by service, stop by stop, in this order. Do not start the next step until the previous one is complete.',
    steps,
  };
}

/**
 * The source series' own unfinished work, run with the installed code once the services are
 * stopped and the backups taken: its online data migrations, and any step a later stop's blocker
 * names (work that was optional at the source, like nova's cells v2 setup in Newton).
 */
function sourceWork(content: Content, plan: Plan, service: Service, stops: string[]): RunbookStep[] {
  const { from } = plan;
  const named = new Set(
    stops.flatMap((series) => (content.release(series, service.id)?.blockers ?? []).filter((b) => b.requires === from.id).flatMap((b) => b.steps)),
  );
  return (content.release(from.id, service.id)?.steps ?? [])
    .filter((step) => step.phase === 'online' || (named.has(step.id) && step.phase !== 'pre-check'))
    .map((step) => contentStep(service, from.id, step, 'installed', { group: `${service.name} at ${from.name} (source code)` }));
}

function stopSteps(content: Content, plan: Plan, service: Service, series: string, confirmed: Set<string>): RunbookStep[] {
  const release = content.release(series, service.id)!;
  const name = `${service.name} at ${content.getSeries(series)!.name}`;
  const gates: RunbookStep[] = release.blockers
    .filter((b) => content.indexOf(b.requires) >= content.indexOf(plan.from.id))
    .filter((b) => {
      const key = `${b.requires}:${[...b.steps].sort().join(',')}`;
      if (confirmed.has(key)) return false;
      confirmed.add(key);
      return true;
    })
    .map((b) => ({
      id: `${series}.${service.id}.requires.${b.requires}`,
      title: `Confirm ${content.getSeries(b.requires)!.name} work is complete: ${b.steps.join(', ')}`,
      service: service.id, series: null, commands: [], sources: b.sources,
      notes: [b.text, ...doneWhen(content, service, b.requires, b.steps)],
      group: name,
    }));
  const work = release.steps
    .filter((s) => OFFLINE_PHASES.includes(s.phase))
    .map((s) => contentStep(service, series, s, 'utility', { group: name }));
  return [...gates, ...work];
}

/** How the blocking steps said they are complete, so the gate can be checked, not assumed. */
function doneWhen(content: Content, service: Service, series: string, ids: string[]): string[] {
  const release = content.release(series, service.id);
  return ids.flatMap((id) => {
    const step = release?.steps.find((s) => s.id === id);
    return step?.['done-when'] ? [`\`${series}.${service.id}.${id}\` is complete when: ${step['done-when']}`] : [];
  });
}
