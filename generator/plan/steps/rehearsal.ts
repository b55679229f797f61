import type { Content, Series } from '../../content.ts';
import { databasesAt } from '../lifetimes.ts';
import type { Plan } from '../plan-model.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { BACKUP_DIR } from './commands.ts';
import { SOURCES } from './sources.ts';
import { plannedStepId } from '../step-id.ts';
import { sameStep } from '../step-identity.ts';

const GROUP = 'Rehearse on a copy';

/**
 * A rehearsal before the window: the offline section run against a copy of the databases, so
 * the window is sized by measured stop times and a failing migration shows up on the copy.
 */
export function rehearsal(content: Content, plan: Plan): RunbookStep[] {
  const { from } = plan;
  const databases = plan.services.flatMap((s) => databasesAt(content, s, from).map((d) => d.name));
  if (databases.length === 0) return [];
  return rehearsalSteps(from, databases.join(' '));
}

// The same for every target of a source with the same databases: built once, not per pair.
const rehearsalSteps = sameStep((from: Series, databases: string): RunbookStep[] => {
  const dump = `${BACKUP_DIR}/rehearsal-${from.id}.sql`;
  return [
    {
      id: plannedStepId('prepare', 'rehearse', 'copy'),
      title: 'Copy the databases to a scratch database server',
      service: null,
      series: null,
      commands: [
        `mkdir -p ${BACKUP_DIR}`,
        `mysqldump -u root -p --opt --single-transaction --add-drop-database --databases ${databases} > ${dump}`,
        `mysql -h SCRATCH_DB_HOST -u root -p < ${dump}`,
      ],
      sources: [SOURCES.opsUpgrades],
      notes: [
        'Replace SCRATCH_DB_HOST with a database server you own and can throw away, never a production one: the dump drops and recreates each database it holds.',
        '--single-transaction reads a consistent snapshot of InnoDB tables without locking them, so the cloud keeps running during the copy. A database the source may not have created yet is reported by mysqldump; leave it out of the list.',
      ],
      group: GROUP,
    },
    {
      id: plannedStepId('prepare', 'rehearse', 'run'),
      title: 'Run the offline migrations against the copy, timing each stop',
      service: null,
      series: null,
      commands: [],
      doneWhen:
        "every offline step, from the source's own work to the last stop, finished as its done-when says against the copy, and each stop's duration is written down",
      sources: [SOURCES.opsUpgrades],
      notes: [
        "Copy each service's configuration folder (for example /etc/nova) to a rehearsal folder and point every database connection in it ([database], [api_database], [placement_database]) at SCRATCH_DB_HOST; run the commands with that copy (--config-file or --config-dir), with the same utilities as in the window.",
        'The window must hold the sum of the stop times, the backups and, should you roll back, the restores. A step that fails here fails in the window: fix it first.',
      ],
      group: GROUP,
    },
  ];
});
