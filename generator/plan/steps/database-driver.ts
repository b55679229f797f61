import type { Content } from '../../content.ts';
import type { Plan } from '../plan-model.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { configurationDirs } from './backups.ts';
import { SOURCES } from './sources.ts';
import { plannedStepId } from '../step-id.ts';
import { sameStep } from '../step-identity.ts';

/**
 * Kilo-era configurations name the MySQLdb driver (`mysql://`); utilities from Queens on carry
 * only PyMySQL, so a URL copied forward would fail at the first stop that lacks the driver.
 * The check lists files, not lines, so no database password reaches the terminal.
 */
export function databaseDriverCheck(content: Content, plan: Plan): RunbookStep[] {
  const dirs = configurationDirs(content, plan);
  if (dirs.length === 0) return [];
  const withoutMysqldb = plan.stops
    .map((s) => s.at)
    .filter((s) => !s['db-drivers'].includes('MySQL-python'))
    .map((s) => s.name);
  return driverCheck(dirs.join(' '), withoutMysqldb.join(', '));
}

// Keyed by what the step says (the folders, the stops without MySQLdb): built once, not per pair.
const driverCheck = sameStep((dirs: string, withoutMysqldb: string): RunbookStep[] => {
  return [
    {
      id: plannedStepId('prepare', 'database-driver'),
      title: 'Find database URLs that need the MySQLdb driver',
      service: null,
      series: null,
      commands: [`grep -rlE '^[[:space:]]*(sql_)?connection[[:space:]]*=[[:space:]]*mysql(\\+mysqldb)?://' ${dirs}`],
      doneWhen: 'it prints nothing (every URL names PyMySQL), or you have changed the scheme of the URLs in the files it lists',
      sources: [SOURCES.oslodbDrivers, SOURCES.pymysqlDefault],
      notes: [
        'A URL that starts `mysql://` or `mysql+mysqldb://` loads MySQLdb; `mysql+pymysql://` loads PyMySQL. The utilities read these same files.',
        withoutMysqldb
          ? `The utilities of ${withoutMysqldb} install PyMySQL only: in every file listed, change the scheme to \`mysql+pymysql://\` (user, password, host and database unchanged) before the offline migrations start.`
          : 'Every utility of this runbook installs MySQL-python as well as PyMySQL, so either scheme works.',
      ],
      group: 'Source cloud',
    },
  ];
});
