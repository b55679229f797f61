import type { Content, Series, Service } from '../../content.ts';

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

export function createVenv(series: Series): string {
  const dir = utilityPath(series.id);
  return series.python.startsWith('2.')
    ? `virtualenv --python=python${series.python} ${dir}`
    : `python${series.python} -m venv ${dir}`;
}

/** pip install into the series' utility, pinned by the series' upper-constraints when it has one. */
export function pipInstall(series: Series, requirement: string): string {
  const constraints = series['constraints-ref']
    ? ` -c ${rawUrl('openstack/requirements', series['constraints-ref'], 'upper-constraints.txt')}`
    : '';
  return `${utilityPath(series.id)}/bin/pip install${constraints} ${requirement}`;
}

/** The requirement for a service's code at a git ref of its upstream repository. */
export function serviceRequirement(service: Service, ref: string): string {
  return `'${service.package} @ git+https://opendev.org/${service.repo}@${ref}'`;
}

export function backupFile(from: Series, database: string): string {
  return `${BACKUP_DIR}/${from.id}-${database}.sql`;
}

export function dumpDatabase(from: Series, database: string): string {
  return `mysqldump -u root -p --opt --single-transaction --add-drop-database --databases ${database} > ${backupFile(from, database)}`;
}

export function restoreDatabase(from: Series, database: string): string {
  return `mysql -u root -p < ${backupFile(from, database)}`;
}

/** Units the service runs at a series (nova-consoleauth, for one, is gone from Train on). */
export function unitsAt(service: Service, indexOf: (id: string) => number, series: Series): string[] {
  const at = indexOf(series.id);
  if (at < indexOf(service.since) || (service.until && at > indexOf(service.until))) return [];
  return service.units
    .map((u) => (typeof u === 'string' ? { name: u, since: undefined, until: undefined } : u))
    .filter((u) => (!u.since || indexOf(u.since) <= at) && (!u.until || indexOf(u.until) >= at))
    .map((u) => u.name);
}

/** Databases the service has at a series (some appear later, e.g. nova_api in Liberty). */
export function databasesAt(service: Service, indexOf: (id: string) => number, series: Series): string[] {
  const at = indexOf(series.id);
  if (at < indexOf(service.since) || (service.until && at > indexOf(service.until))) return [];
  return service.databases
    .filter((d) => (!d.since || indexOf(d.since) <= at) && (!d.until || indexOf(d.until) >= at))
    .map((d) => d.name);
}

/**
 * Services stopped for the offline migrations: those the source runs that have a database.
 * Horizon has none, and stopping it would take down whatever else its web server hosts.
 */
export function stoppedForMigrations(content: Content, service: Service, from: Series): boolean {
  return content.indexOf(service.since) <= content.indexOf(from.id) && databasesAt(service, (id) => content.indexOf(id), from).length > 0;
}

/** `systemctl <verb> <units>`, or no command when the service runs no unit at that series. */
export function systemctl(verb: 'start' | 'stop' | 'restart', units: string[]): string[] {
  return units.length ? [`systemctl ${verb} ${units.join(' ')}`] : [];
}
