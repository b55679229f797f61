import type { Content, Service } from '../../content.ts';
import type { ReleaseStep } from '../../schema/release.ts';
import { stoppedForMigrations } from '../lifetimes.ts';
import { hasOfflineWork } from '../plan-service.ts';
import type { Plan } from '../plan.ts';
import type { RunbookSection, RunbookStep } from '../runbook-model.ts';
import { contentStep } from './content-step.ts';
import { appliesTo } from './applies.ts';
import { ownUnits, unitSteps, webServed, webServers, webServerStep } from './units.ts';

/**
 * Deploy every service's code first, so the web server, which serves several APIs at once, never
 * starts one of them on old code. Then the post-deploy work, then each service in start order:
 * its status checks, then its units. Work upstream runs once the new services are up comes last.
 */
export function deploySection(content: Content, plan: Plan): RunbookSection {
  const { to } = plan;
  const services = inStartOrder(plan.services);
  const group = (service: Service) => `${service.name} at ${to.name}`;
  const targetSteps = (service: Service, phase: ReleaseStep['phase']) =>
    (content.release(to.id, service.id)?.steps ?? []).filter((s) => s.phase === phase && appliesTo(content, s, plan.from));
  const steps: RunbookStep[] = services.map((service) => {
    const release = content.release(to.id, service.id)!;
    return {
      id: `deploy.${service.id}.install`,
      title: `Deploy ${service.name} ${to.name} code and configuration`,
      service: service.id, series: to.id, commands: [], sources: to.sources,
      notes: [`Install ${service.name} from ${to.name} (code ref ${release['code-ref'] ?? to['code-ref']}) with your deployment tooling on every host that runs it, and carry your configuration forward: options removed in the releases crossed are listed in Prepare. Do not start anything yet.`],
      group: 'Deploy code and configuration',
    };
  });
  for (const service of services) {
    steps.push(...targetSteps(service, 'post-deploy').map((s) => contentStep(service, to.id, s, 'installed', { group: group(service) })));
  }
  const stoppedServers = new Set(webServers(content, plan.services.filter((s) => stoppedForMigrations(content, s, plan.from)), plan.from, 'run').map((w) => w.unit));
  const pendingServers = webServers(content, plan.services, to, 'start');
  for (const service of services) {
    const withUtility = hasOfflineWork(content.release(to.id, service.id));
    steps.push(...targetSteps(service, 'verify').filter((s) => s['before-start']).map((s) => contentStep(service, to.id, s, withUtility ? 'utility' : 'installed', {
      id: `deploy.${service.id}.${s.id}`,
      title: `Before starting ${service.name}: ${s.title}`,
      group: group(service),
    })));
    // A web server starts once, with the first service in start order that it serves.
    const servers = webServed(content, service, to) ? pendingServers.filter((w) => w.sites.some((site) => site.service === service)) : [];
    if (servers.length) {
      for (const server of servers) pendingServers.splice(pendingServers.indexOf(server), 1);
      const verb = servers.every((w) => stoppedServers.has(w.unit)) ? 'start' : 'restart';
      steps.push(...webServerStep(`deploy.web-server.${verb}`, verb, servers, to, group(service)).map((s) => ({ ...s, series: to.id })));
    }
    const verb = stoppedForMigrations(content, service, plan.from) || content.indexOf(service.since) > content.indexOf(plan.from.id) ? 'start' : 'restart';
    steps.push(...unitSteps(`deploy.${service.id}.start`, verb, service, ownUnits(content, service, to, 'start'), { series: to.id, group: group(service) }));
  }
  for (const service of services) {
    steps.push(...targetSteps(service, 'post-start').map((s) => contentStep(service, to.id, s, 'installed', { group: `${group(service)}: once the services run` })));
  }
  return {
    id: 'deploy-target',
    title: `Deploy ${to.name}`,
    intro: `Every database is now at the ${to.name} schema. Deploy ${to.name} everywhere, then check and start the services in this order.`,
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
      .filter((s) => s.phase === 'verify' && appliesTo(content, s, plan.from))
      .map((s) => contentStep(service, plan.to.id, s, 'installed', { group: service.name })),
  );
  return {
    id: 'verify',
    title: 'Verify',
    intro: 'Run the status checks and smoke tests of the target. Any failure: stop here and decide between fixing forward and rolling back.',
    steps,
  };
}
