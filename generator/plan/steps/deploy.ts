import type { Content, Service } from '../../content.ts';
import type { Plan } from '../plan.ts';
import type { RunbookSection, RunbookStep } from '../runbook-model.ts';
import { stoppedForMigrations, systemctl, unitsAt } from './commands.ts';
import { contentStep } from './content-step.ts';
import { SOURCES } from './sources.ts';

/** Deploy the target's code and configuration, run its post-deploy steps, start the services. */
export function deploySection(content: Content, plan: Plan): RunbookSection {
  const { to } = plan;
  // A service left running during the migrations (no database) is restarted onto the new code.
  const stopped = (service: Service) => stoppedForMigrations(content, service, plan.from);
  const steps = inStartOrder(plan.services).flatMap((service): RunbookStep[] => {
    const group = `${service.name} at ${to.name}`;
    const release = content.release(to.id, service.id)!;
    const post = release.steps.filter((s) => s.phase === 'post-deploy').map((s) => contentStep(service, to.id, s, 'installed', { group }));
    return [
      {
        id: `deploy.${service.id}.install`,
        title: `Deploy ${service.name} ${to.name} code and configuration`,
        service: service.id, series: to.id, commands: [], sources: to.sources,
        notes: [`Install ${service.name} from ${to.name} (code ref ${release['code-ref'] ?? to['code-ref']}) with your deployment tooling, and carry your configuration forward: options removed in the releases crossed are listed in Prepare.`],
        group,
      },
      ...post,
      {
        id: `deploy.${service.id}.start`,
        title: `${stopped(service) ? 'Start' : 'Restart'} the ${service.name} services`,
        service: service.id, series: to.id,
        commands: systemctl(stopped(service) ? 'start' : 'restart', unitsAt(service, (id) => content.indexOf(id), to)),
        sources: [...service.sources, SOURCES.systemctl],
        notes: [],
        group,
      },
    ];
  });
  return {
    id: 'deploy-target',
    title: `Deploy ${to.name}`,
    intro: `Every database is now at the ${to.name} schema. Deploy ${to.name} and start the services in this order.`,
    steps,
  };
}

/** Services in the order they start: upstream wants some up before others (placement before nova). */
export function inStartOrder(services: Service[]): Service[] {
  return [...services].sort((a, b) => (a['start-order'] ?? a.order) - (b['start-order'] ?? b.order));
}

/** The target's status checks and smoke tests. */
export function verifySection(content: Content, plan: Plan): RunbookSection {
  const steps = plan.services.flatMap((service) =>
    (content.release(plan.to.id, service.id)?.steps ?? [])
      .filter((s) => s.phase === 'verify')
      .map((s) => contentStep(service, plan.to.id, s, 'installed', { group: service.name })),
  );
  return {
    id: 'verify',
    title: 'Verify',
    intro: 'Run the status checks and smoke tests of the target. Any failure: stop here and decide between fixing forward and rolling back.',
    steps,
  };
}
