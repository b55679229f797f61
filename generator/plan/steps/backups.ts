import type { Content, Series, Service } from '../../content.ts';
import type { Role } from '../../schema/service.ts';
import { databasesAt, mayBeMissing, ROLE_HOSTS, unitsAt } from '../lifetimes.ts';
import type { Plan } from '../plan-model.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { BACKUP_DIR, configurationArchive, databaseExists, dumpDatabase } from './commands.ts';
import { keyBackupStep } from './key-repositories.ts';
import { SOURCES } from './sources.ts';
import { plannedStepId } from '../step-id.ts';
import { sameStep } from '../step-identity.ts';

/**
 * One dump per database the source has, taken once every service is stopped: a dump taken while
 * the services still write would lose those writes on a roll back. Then the key repositories a
 * stop may create, and the configuration the deploy overwrites.
 */
export function backupSteps(content: Content, plan: Plan): RunbookStep[] {
  const { from } = plan;
  const dumps = plan.paths.flatMap((path) => [...databaseDumps(content, path.of, from), ...keyBackupStep(content, plan, path)]);
  return [...dumps, ...configurationBackup(content, plan)];
}

const databaseDumps = sameStep((content: Content, service: Service, from: Series): RunbookStep[] => {
  const databases = databasesAt(content, service, from);
  if (databases.length === 0) return [];
  const optional = databases.filter((db) => mayBeMissing(content, db, from));
  return [
    {
      id: plannedStepId('offline', 'backup', service.id),
      title: `Back up the ${service.name} ${databases.length === 1 ? 'database' : 'databases'}`,
      service: service.id,
      series: null,
      commands: [
        `mkdir -p ${BACKUP_DIR}`,
        ...databases.flatMap((db) => (optional.includes(db) ? [databaseExists(db.name), dumpDatabase(from, db.name)] : [dumpDatabase(from, db.name)])),
      ],
      sources: [SOURCES.opsUpgrades],
      notes: [
        'Restoring these dumps is the only way back: database downgrades are not supported. Copy them off the host.',
        ...optional.map(
          (db) =>
            `A ${from.name} cloud may not have created ${db.name} yet: run the check before its dump; if it prints nothing, skip that dump (and its restore in Roll back).`,
        ),
      ],
      group: 'Backups',
    },
  ];
});

/** The folders the deploy overwrites, on every host: roll back puts them back under the source's packages. */
function configurationBackup(content: Content, plan: Plan): RunbookStep[] {
  const dirs = configurationDirs(content, plan);
  if (dirs.length === 0) return [];
  return configurationBackupStep(plan.from, dirs.join(' '), hostRolesKey(content, plan));
}

// Keyed by what the step says (the folders, the kinds of host): built once, not per pair.
const configurationBackupStep = sameStep((from: Series, dirs: string, roles: string): RunbookStep[] => {
  return [
    {
      id: plannedStepId('offline', 'backup', 'configuration'),
      title: 'Back up the configuration on every host',
      service: null,
      series: null,
      commands: [`mkdir -p ${BACKUP_DIR}`, `tar -czf ${configurationArchive(from)} --ignore-failed-read ${dirs}`],
      hosts: rolesOf(roles),
      doneWhen:
        'every host has the archive, and `tar -tzf` lists the configuration files that host runs with; a folder the host does not have is reported as "Cannot stat" and left out',
      sources: [SOURCES.opsUpgrades],
      notes: [
        "Copy each host's archive off it with the dumps, named by host. The deploy of the target overwrites these files; roll back restores them after reinstalling the source packages.",
      ],
      group: 'Backups',
    },
  ];
});

/** `/etc/<service>` of every selected service with a database: the folders the utilities read too. */
export function configurationDirs(content: Content, plan: Plan): string[] {
  return plan.services.filter((s) => databasesAt(content, s, plan.from).length > 0).map((s) => `/etc/${s.id}`);
}

/** hostRoles as a memo key (a string is the same in every pair; the list is new each time), and back. */
export function hostRolesKey(content: Content, plan: Plan): string {
  return hostRoles(content, plan).join(' ');
}

export function rolesOf(key: string): Role[] {
  return key === '' ? [] : (key.split(' ') as Role[]);
}

/** Every kind of host the selected services run on at the source or the target. */
function hostRoles(content: Content, plan: Plan): Role[] {
  const roles = new Set(plan.services.flatMap((s) => [plan.from, plan.to].flatMap((series) => unitsAt(content, s, series).map((u) => u.role))));
  return (Object.keys(ROLE_HOSTS) as Role[]).filter((r) => roles.has(r));
}
