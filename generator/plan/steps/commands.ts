import type { Series, Service } from '../../content.ts';

/** Where each series' utility lives on the host that runs the migrations. */
export const UTILITY_ROOT = '/opt/leapfrog';
/** Where Prepare puts the database dumps that Roll back restores. */
export const BACKUP_DIR = '/var/backups/leapfrog';

export function utilityPath(series: string): string {
  return `${UTILITY_ROOT}/${series}`;
}

/** A utility command: the content's command kept byte for byte behind the venv's bin/ and the OS user. */
export function inUtility(service: Service, series: string, command: string): string {
  return `sudo -u ${service['os-user']} ${utilityPath(series)}/bin/${command}`;
}

/** A command run with the code installed on the host (the source cloud, or the deployed target). */
export function asServiceUser(service: Service, command: string): string {
  return `sudo -u ${service['os-user']} ${command}`;
}

function isBranch(ref: string): boolean {
  return ref === 'master' || /^(stable|unmaintained)\//.test(ref);
}

/** opendev raw URL of a file at a ref (tag or branch). */
export function rawUrl(repo: string, ref: string, path: string): string {
  return `https://opendev.org/${repo}/raw/${isBranch(ref) ? 'branch' : 'tag'}/${ref}/${path}`;
}

/** The venv of a series with the Python chosen for its stop (utility/hosts.ts); 2.7 through virtualenv's module. */
export function createVenv(series: Series, python: string): string {
  const dir = utilityPath(series.id);
  return python.startsWith('2.') ? `python${python} -m virtualenv ${dir}` : `python${python} -m venv ${dir}`;
}

/** The series' upper-constraints file, downloaded into its utility so a service's own pin can be dropped. */
export function constraintsFile(series: Series): string {
  return `${utilityPath(series.id)}/upper-constraints.txt`;
}

export function downloadConstraints(series: Series, ref: string): string {
  return `curl -fsSL -o ${constraintsFile(series)} ${rawUrl('openstack/requirements', ref, 'upper-constraints.txt')}`;
}

/** The constraints less the service's own line: they pin its release, the eol ref builds a dev version. */
export function serviceConstraintsFile(series: Series, service: Service): string {
  return `${utilityPath(series.id)}/constraints-${service.id}.txt`;
}

export function dropOwnPin(series: Series, service: Service, pkg: string): string {
  return `grep -v -i '^${pkg}===' ${constraintsFile(series)} > ${serviceConstraintsFile(series, service)}`;
}

/** pip install into the series' utility, pinned by the given constraints file when there is one. */
export function pipInstall(series: Series, requirements: string, constraints?: string): string {
  return `${utilityPath(series.id)}/bin/pip install${constraints ? ` -c ${constraints}` : ''} ${requirements}`;
}

/** The requirement for a service's code at a git ref of its upstream repository. */
export function serviceRequirement(service: Service, pkg: string, ref: string): string {
  return `'${pkg} @ git+https://opendev.org/${service.repo}@${ref}'`;
}

export function backupFile(from: Series, database: string): string {
  return `${BACKUP_DIR}/${from.id}-${database}.sql`;
}

/** The archive of every host's configuration folders, one per host (same name on each). */
export function configurationArchive(from: Series): string {
  return `${BACKUP_DIR}/${from.id}-configuration.tar.gz`;
}

export function dumpDatabase(from: Series, database: string): string {
  return `mysqldump -u root -p --opt --single-transaction --add-drop-database --databases ${database} > ${backupFile(from, database)}`;
}

/** Prints the database's name when it exists, nothing otherwise (LIKE would treat `_` as a wildcard). */
export function databaseExists(database: string): string {
  return `mysql -u root -p -N -e "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${database}'"`;
}

export function dropDatabase(database: string): string {
  return `mysql -u root -p -e "DROP DATABASE IF EXISTS ${database}"`;
}

export function restoreDatabase(from: Series, database: string): string {
  return `mysql -u root -p < ${backupFile(from, database)}`;
}
