import type { Content, Series, Service } from '../../content.ts';
import { databasesAt, mayBeMissing } from '../lifetimes.ts';
import type { Plan } from '../plan-model.ts';
import type { RunbookSection, RunbookStep } from '../runbook-model.ts';
import { configurationArchive, dropDatabase, restoreDatabase } from './commands.ts';
import { configurationDirs, hostRolesKey, rolesOf } from './backups.ts';
import { inStartOrder } from './deploy.ts';
import { keyRestoreStep } from './key-repositories.ts';
import { ROLE_HOSTS } from '../lifetimes.ts';
import { inDataPlaneOrder, ownUnits, unitSteps, webServers, webServerStep } from './units.ts';
import { SOURCES } from './sources.ts';
import { plannedStepId } from '../step-id.ts';
import { sameStep } from '../step-identity.ts';

/** Back to the source: stop, restore every dump taken in the offline section, redeploy the source code, start. */
export function rollbackSection(content: Content, plan: Plan): RunbookSection {
  const { from, to } = plan;
  const stoppedServers = webServers(content, plan.services, to, 'start');
  const steps: RunbookStep[] = [...webServerStep(plannedStepId('rollback', 'stop', 'web-server'), 'stop', stoppedServers, to, 'Stop the services')];
  for (const service of plan.services) {
    steps.push(
      ...unitSteps(plannedStepId('rollback', 'stop', service.id), 'stop', service, ownUnits(content, service, to, 'start'), to, { group: 'Stop the services' }),
    );
  }
  // Per service: its dumps, its key repositories, what the upgrade created, then its source code.
  for (const path of plan.paths)
    steps.push(...restoreDumps(content, path.of, from), ...keyRestoreStep(content, plan, path), ...backToSource(content, path.of, from, to));
  steps.push(...configurationRestore(content, plan));
  const back = inStartOrder(plan.services).filter((s) => content.indexOf(s.since) <= content.indexOf(from.id));
  // Whatever web server was stopped starts again, even with no selected site on it at the source:
  // it also serves the sites of the services this runbook leaves alone (keystone, horizon).
  const sourceServers = webServers(content, back, from, 'run');
  const startServers = [
    ...sourceServers,
    ...stoppedServers.filter((w) => !sourceServers.some((x) => x.unit === w.unit)).map((w) => ({ unit: w.unit, sites: [] })),
  ];
  // Restart, not start: the web server may still run for sites the roll back left alone, and
  // must load the source's sites again.
  steps.push(...webServerStep(plannedStepId('rollback', 'restart', 'web-server'), 'restart', startServers, from, 'Start the services'));
  for (const service of back) {
    // What a deploy of the source starts: not a unit its guides had already retired (keystone's
    // eventlet server on Kilo..Mitaka).
    steps.push(
      ...unitSteps(plannedStepId('rollback', 'start', service.id), 'start', service, ownUnits(content, service, from, 'start'), from, {
        series: from.id,
        group: 'Start the services',
      }),
    );
  }
  return {
    id: 'roll-back',
    title: 'Roll back',
    intro: `Only if the upgrade cannot be finished: return every selected service to ${from.name} from the backups taken before the migrations.`,
    steps,
  };
}

const restoreDumps = sameStep((content: Content, service: Service, from: Series): RunbookStep[] => {
  const databases = databasesAt(content, service, from);
  if (databases.length === 0) return [];
  const optional = databases.filter((d) => mayBeMissing(content, d, from)).map((d) => d.name);
  return [
    {
      id: plannedStepId('rollback', 'restore', service.id),
      title: `Restore the ${service.name} ${databases.length === 1 ? 'database' : 'databases'} from the backups`,
      service: service.id,
      series: null,
      commands: databases.map((db) => restoreDatabase(from, db.name)),
      sources: [SOURCES.opsUpgrades],
      notes: [
        'Anything created since the backup (instances, volumes, networks) is lost or left orphaned.',
        ...optional.map(
          (db) =>
            `Skip ${db} if its dump was skipped because ${from.name} had not created it; if the upgrade created it since, drop it instead (\`${dropDatabase(db)}\`).`,
        ),
      ],
      group: service.name,
    },
  ];
});

/** Drop what the upgrade created, then the source's code back (or the service gone, if the source had none). */
const backToSource = sameStep((content: Content, service: Service, from: Series, to: Series): RunbookStep[] => {
  const steps: RunbookStep[] = [];
  const group = service.name;
  const atSource = new Set(content.services.flatMap((s) => databasesAt(content, s, from).map((d) => d.name)));
  // Created by the upgrade: no service had it at the source (nova's optional placement database
  // of Rocky and Stein is the placement service's from Stein on, and must never be dropped).
  const created = databasesAt(content, service, to)
    .map((d) => d.name)
    .filter((db) => !atSource.has(db));
  if (created.length) {
    steps.push({
      id: plannedStepId('rollback', 'drop', service.id),
      title: `Drop the ${service.name} ${created.length === 1 ? 'database' : 'databases'} the upgrade created`,
      service: service.id,
      series: null,
      commands: created.map((db) => dropDatabase(db)),
      sources: [SOURCES.opsUpgrades],
      notes: [
        `${created.join(', ')} did not exist at ${from.name}: ${from.name} code does not use ${created.length === 1 ? 'it' : 'them'}, and a later retry creates ${created.length === 1 ? 'it' : 'them'} again from scratch.`,
      ],
      group,
    });
  }
  if (content.indexOf(service.since) > content.indexOf(from.id)) {
    steps.push({
      id: plannedStepId('rollback', 'remove', service.id),
      title: `Remove ${service.name}: it did not exist at ${from.name}`,
      service: service.id,
      series: null,
      commands: [],
      sources: service.sources,
      notes: [`${from.name} does not run ${service.name}: leave it stopped and uninstalled; its databases were dropped above.`],
      group,
    });
    return steps;
  }
  steps.push({
    id: plannedStepId('rollback', 'redeploy', service.id),
    title: `Redeploy ${service.name} ${from.name} code and configuration`,
    service: service.id,
    series: from.id,
    commands: [],
    sources: [...service.sources, SOURCES.opsUpgrades],
    hosts: ['controller'],
    notes: [
      `Reinstall the ${from.name} packages or images you ran before on every controller that runs it; its configuration comes back from the backup below.`,
    ],
    group,
  });
  // Data-plane hosts upgraded past the point of no return run the target's packages: they go
  // back too; those not reached yet still run the source and only need starting.
  for (const { group: units } of inDataPlaneOrder(
    ownUnits(content, service, to, 'start')
      .filter((g) => g.role !== 'controller')
      .map((g) => ({ service, group: g })),
  )) {
    steps.push({
      id: plannedStepId('rollback', 'redeploy', service.id, units.role),
      title: `Redeploy ${service.name} ${from.name} code on ${ROLE_HOSTS[units.role]} already upgraded`,
      service: service.id,
      series: from.id,
      commands: [],
      sources: [...service.sources, SOURCES.opsUpgrades],
      hosts: [units.role],
      notes: [
        `Only on hosts that Deploy's data-plane steps already moved to ${to.name}: reinstall the ${from.name} packages of ${units.units.map((u) => u.name).join(', ')}. Hosts not reached yet still run ${from.name}; they only need their units started again below.`,
      ],
      group,
    });
  }
  return steps;
});

/** The configuration archived on each host in the offline section, back over what the deploy wrote. */
function configurationRestore(content: Content, plan: Plan): RunbookStep[] {
  if (configurationDirs(content, plan).length === 0) return [];
  return configurationRestoreStep(plan.from, hostRolesKey(content, plan));
}

// Keyed by the source and the kinds of host: built once, not per pair.
const configurationRestoreStep = sameStep((from: Series, roles: string): RunbookStep[] => {
  return [
    {
      id: plannedStepId('rollback', 'restore', 'configuration'),
      title: `Restore the ${from.name} configuration on every host`,
      service: null,
      series: null,
      commands: [`tar -xzf ${configurationArchive(from)} -C /`],
      hosts: rolesOf(roles),
      doneWhen: `every host runs with the files of its archive (taken in the offline section), after the ${from.name} packages are back`,
      sources: [SOURCES.opsUpgrades],
      notes: [
        "Run it after the packages are reinstalled, so a package's default files do not overwrite yours. Files the target added stay; the source code does not read them.",
      ],
      group: 'Configuration',
    },
  ];
});
