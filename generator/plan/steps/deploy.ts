import type { Content, Series, Service } from '../../content.ts';
import type { ReleaseStep } from '../../schema/release.ts';
import { ROLE_HOSTS, stoppedForMigrations } from '../lifetimes.ts';
import type { Plan } from '../plan-model.ts';
import type { RunbookSection, RunbookStep } from '../runbook-model.ts';
import { configChecks } from './config-checks.ts';
import { contentStep } from './content-step.ts';
import { serviceAt } from './groups.ts';
import { phaseSteps, targetRunWith } from './applies.ts';
import { inDataPlaneOrder, ownUnits, type UnitGroup, unitSteps, webServed, webServers, webServerStep } from './units.ts';
import { plannedStepId } from '../step-id.ts';
import { sameStep } from '../step-identity.ts';
import type { UtilityMethod } from '../utility/method.ts';

/**
 * Deploy every service's code first, so the web server, which serves several APIs at once, never
 * starts one of them on old code. Then the post-deploy work, then each service in start order:
 * its status checks, then its units. Work upstream runs once the new services are up comes last.
 */
export function deploySection(content: Content, plan: Plan): RunbookSection {
  const { to } = plan;
  const services = inStartOrder(plan.services);
  const group = (service: Service) => serviceAt(service, to);
  const targetSteps = (service: Service, phase: ReleaseStep['phase']) => phaseSteps(content, to, service, phase, plan.from);
  const prepared = configChecks(content, plan).length ? `: Prepare (Configuration for ${to.name}) checked what the releases crossed removed or require` : '';
  const steps: RunbookStep[] = services.map((service) => installStep(content, service, to, prepared));
  for (const service of services) {
    steps.push(...targetSteps(service, 'post-deploy').map((s) => contentStep(service, to.id, s, 'installed', { group: group(service) })));
  }
  steps.push(pointOfNoReturn(plan.from, plan.to));
  const stoppedServers = new Set(
    webServers(
      content,
      plan.services.filter((s) => stoppedForMigrations(content, s, plan.from)),
      plan.from,
      'run',
    ).map((w) => w.unit),
  );
  const pendingServers = webServers(content, plan.services, to, 'start');
  // A web server stopped for a site the target no longer serves from it (nova-placement-api)
  // still serves others (keystone): it starts before any service that may need them.
  const orphaned = [...stoppedServers].filter((unit) => !pendingServers.some((w) => w.unit === unit));
  for (const unit of orphaned) {
    steps.push(...webServerStep(webServerId(unit, 'start'), 'start', [{ unit, sites: [] }], to, 'Web server').map((s) => ({ ...s, series: to.id })));
  }
  const verbFor = (service: Service) =>
    stoppedForMigrations(content, service, plan.from) || content.indexOf(service.since) > content.indexOf(plan.from.id) ? 'start' : 'restart';
  const checked = new Set<string>();
  // Checks run once; hoisted before a shared web server only when they read just config and
  // databases (`needs-apis` checks wait for their own service's turn).
  const checks = (service: Service, hoisted = false): RunbookStep[] => {
    const due = targetSteps(service, 'verify').filter((s) => s['before-start'] && !(hoisted && s['needs-apis']) && !checked.has(`${service.id}.${s.id}`));
    for (const s of due) checked.add(`${service.id}.${s.id}`);
    return due.map((s) => beforeStartCheck(service, to, s, targetRunWith(content, to, service, plan.utility)));
  };
  for (const service of services) {
    steps.push(...checks(service, true));
    // A web server starts once, with the first service in start order that it serves, after the
    // status checks of every service it serves: starting it starts all of their APIs.
    const servers = webServed(content, service, to) ? pendingServers.filter((w) => w.sites.some((site) => site.service === service)) : [];
    if (servers.length) {
      for (const server of servers) pendingServers.splice(pendingServers.indexOf(server), 1);
      steps.push(...servers.flatMap((w) => w.sites.flatMap((site) => checks(site.service, true))));
      const verb = servers.every((w) => stoppedServers.has(w.unit)) ? 'start' : 'restart';
      steps.push(
        ...webServerStep(webServerId(servers.map((w) => w.unit).join('-'), verb), verb, servers, to, group(service)).map((s) => ({ ...s, series: to.id })),
      );
    }
    steps.push(...checks(service)); // those that call other APIs, once the web server runs
    const control = ownUnits(content, service, to, 'start').filter((g) => g.role === 'controller');
    steps.push(...unitSteps(plannedStepId('deploy', service.id, 'start'), verbFor(service), service, control, to, { series: to.id, group: group(service) }));
  }
  // The data plane comes back once the whole control plane runs the target.
  const dataPlane = inDataPlaneOrder(
    services.flatMap((service) =>
      ownUnits(content, service, to, 'start')
        .filter((g) => g.role !== 'controller')
        .map((group) => ({ service, group })),
    ),
  );
  for (const { service, group: unitGroup } of dataPlane) {
    steps.push(
      dataPlaneInstall(service, to, unitGroup),
      ...unitSteps(plannedStepId('deploy', service.id, 'start'), verbFor(service), service, [unitGroup], to, { series: to.id, group: 'Data plane' }),
    );
  }
  for (const service of services) {
    steps.push(
      ...targetSteps(service, 'post-start').map((s) => contentStep(service, to.id, s, 'installed', { group: `${group(service)}: once the services run` })),
    );
  }
  return {
    id: 'deploy-target',
    title: `Deploy ${to.name}`,
    intro: `Every database is now at the ${to.name} schema. Deploy ${to.name} everywhere, then check and start the services in this order.`,
    steps,
  };
}

/** The target's code on the controllers; `prepared` says whether Prepare checked its configuration. */
const installStep = sameStep((content: Content, service: Service, to: Series, prepared: string): RunbookStep => {
  const codeRef = content.release(to.id, service.id)?.['code-ref'] ?? to['code-ref'];
  return {
    id: plannedStepId('deploy', service.id, 'install'),
    title: `Deploy ${service.name} ${to.name} code and configuration`,
    service: service.id,
    series: to.id,
    commands: [],
    sources: to.sources,
    hosts: ['controller'],
    notes: [
      `Install ${service.name} from ${to.name} (code ref ${codeRef}) with your deployment tooling on every controller, and carry your configuration forward${prepared}. Do not start anything yet; data-plane hosts follow once the control plane runs.`,
    ],
    group: 'Deploy code and configuration',
  };
});

const dataPlaneInstall = sameStep(
  (service: Service, to: Series, units: UnitGroup): RunbookStep => ({
    id: plannedStepId('deploy', service.id, 'install', units.role),
    title: `Deploy ${service.name} ${to.name} code and configuration on ${ROLE_HOSTS[units.role]}`,
    service: service.id,
    series: to.id,
    commands: [],
    sources: to.sources,
    hosts: [units.role],
    notes: [
      `Install the ${to.name} packages of ${units.units.map((u) => u.name).join(', ')} with your deployment tooling and carry their configuration forward.`,
    ],
    group: 'Data plane',
  }),
);

/** A status check run before its service starts, from the target's utility where there is one. */
const beforeStartCheck = sameStep((service: Service, to: Series, step: ReleaseStep, runWith: UtilityMethod | 'installed') =>
  contentStep(service, to.id, step, runWith, {
    id: plannedStepId('deploy', service.id, step.id),
    title: `Before starting ${service.name}: ${step.title}`,
    notes: [
      "The data plane still runs the source release here: a result about hosts not yet upgraded (nova's Older than N-1 computes) is expected now; Verify runs the check again once they are.",
      ...step.notes,
    ],
    group: serviceAt(service, to),
  }),
);

/** `deploy.web-server.apache2.start`: named by the unit, so two web servers never share an id. */
function webServerId(unit: string, verb: string): string {
  return plannedStepId(
    'deploy',
    'web-server',
    unit
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    verb,
  );
}

/** Past this step users can write again: a roll back from here loses their work. */
const pointOfNoReturn = sameStep((from: Series, to: Series): RunbookStep => {
  return {
    id: plannedStepId('deploy', 'point-of-no-return'),
    title: 'Decide go or no-go: the next steps let users write again',
    service: null,
    series: null,
    commands: [],
    sources: [],
    doneWhen: 'the go decision is recorded in the change ticket, with who took it and when',
    notes: [
      `Every database is at the ${to.name} schema and no service runs yet. Rolling back from here costs only the time of the restores.`,
      `Once the APIs start, anything users create is lost by a roll back to the ${from.name} dumps; once the data plane runs ${to.name}, a roll back also reinstalls ${from.name} on every data-plane host.`,
    ],
    group: 'Go or no-go',
  };
});

/** Services in the order they start: upstream wants some up before others (placement before nova). */
export function inStartOrder(services: Service[]): Service[] {
  return [...services].sort((a, b) => (a['start-order'] ?? a.order) - (b['start-order'] ?? b.order));
}

/** The target's status checks and smoke tests. */
export function verifySection(content: Content, plan: Plan): RunbookSection {
  const steps = plan.services.flatMap((service) =>
    phaseSteps(content, plan.to, service, 'verify', plan.from).map((s) => contentStep(service, plan.to.id, s, 'installed', { group: service.name })),
  );
  return {
    id: 'verify',
    title: 'Verify',
    intro: 'Run the status checks and smoke tests of the target. Any failure: stop here and decide between fixing forward and rolling back.',
    steps,
  };
}
