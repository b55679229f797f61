import type { Content } from '../../content.ts';
import { databasesAt, mayBeMissing } from '../lifetimes.ts';
import type { Plan } from '../plan.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { BACKUP_DIR, databaseExists, dumpDatabase } from './commands.ts';
import { SOURCES } from './sources.ts';

/**
 * One dump per database the source has, taken once every service is stopped: a dump taken while
 * the services still write would lose those writes on a roll back.
 */
export function backupSteps(content: Content, plan: Plan): RunbookStep[] {
  const { from } = plan;
  return plan.services.flatMap((service): RunbookStep[] => {
    const databases = databasesAt(content, service, from);
    if (databases.length === 0) return [];
    const optional = databases.filter((db) => mayBeMissing(content, db, from));
    return [{
      id: `offline.backup.${service.id}`,
      title: `Back up the ${service.name} ${databases.length === 1 ? 'database' : 'databases'}`,
      service: service.id, series: null,
      commands: [
        `mkdir -p ${BACKUP_DIR}`,
        ...databases.flatMap((db) => (optional.includes(db) ? [databaseExists(db.name), dumpDatabase(from, db.name)] : [dumpDatabase(from, db.name)])),
      ],
      sources: [SOURCES.opsUpgrades],
      notes: [
        'Restoring these dumps is the only way back: database downgrades are not supported. Copy them off the host.',
        ...optional.map((db) => `A ${from.name} cloud may not have created ${db.name} yet: run the check before its dump; if it prints nothing, skip that dump (and its restore in Roll back).`),
      ],
      group: 'Backups',
    }];
  });
}
