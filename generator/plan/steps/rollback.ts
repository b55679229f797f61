import type { Content } from '../../content.ts';
import type { Plan } from '../plan.ts';
import type { RunbookSection, RunbookStep } from '../runbook-model.ts';
import { databasesAt, restoreDatabase, systemctl, unitsAt } from './commands.ts';
import { SOURCES } from './sources.ts';

/** Back to the source: stop, restore every dump from Prepare, redeploy the source code, start. */
export function rollbackSection(content: Content, plan: Plan): RunbookSection {
  const { from } = plan;
  const steps: RunbookStep[] = [];
  for (const service of plan.services) {
    const indexOf = (id: string) => content.indexOf(id);
    const databases = databasesAt(service, indexOf, from);
    const created = databasesAt(service, indexOf, plan.to).filter((db) => !databases.includes(db));
    const group = service.name;
    steps.push({
      id: `rollback.stop.${service.id}`,
      title: `Stop the ${service.name} services`,
      service: service.id, series: null,
      commands: systemctl('stop', unitsAt(service, indexOf, plan.to)),
      sources: [...service.sources, SOURCES.systemctl],
      notes: [], group,
    });
    if (databases.length) {
      steps.push({
        id: `rollback.restore.${service.id}`,
        title: `Restore the ${service.name} ${databases.length === 1 ? 'database' : 'databases'} from the Prepare backups`,
        service: service.id, series: null,
        commands: databases.map((db) => restoreDatabase(from, db)),
        sources: [SOURCES.opsUpgrades],
        notes: [
          'Anything created since the backup (instances, volumes, networks) is lost or left orphaned.',
          ...(created.length ? [`${created.join(', ')} did not exist at ${from.name}: ${from.name} code does not use ${created.length === 1 ? 'it' : 'them'}; drop ${created.length === 1 ? 'it' : 'them'} before a later retry.`] : []),
        ],
        group,
      });
    }
    if (content.indexOf(service.since) > content.indexOf(from.id)) {
      steps.push({
        id: `rollback.remove.${service.id}`,
        title: `Remove ${service.name}: it did not exist at ${from.name}`,
        service: service.id, series: null, commands: [], sources: service.sources,
        notes: [`${from.name} does not run ${service.name}; leave it stopped and drop ${created.join(', ') || 'its databases'} once the other services are restored.`],
        group,
      });
      continue;
    }
    steps.push({
      id: `rollback.redeploy.${service.id}`,
      title: `Redeploy ${service.name} ${from.name} code and configuration, then start it`,
      service: service.id, series: from.id,
      commands: systemctl('start', unitsAt(service, indexOf, from)),
      sources: [...service.sources, SOURCES.opsUpgrades, SOURCES.systemctl],
      notes: [`Reinstall the ${from.name} packages or images you ran before, and the configuration you backed up.`],
      group,
    });
  }
  return {
    id: 'roll-back',
    title: 'Roll back',
    intro: `Only if the upgrade cannot be finished: return every selected service to ${from.name} from the backups taken in Prepare.`,
    steps,
  };
}
