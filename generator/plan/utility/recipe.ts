import type { Content, Series, Service } from '../../content.ts';
import { packageAt } from '../lifetimes.ts';
import {
  constraintsFile,
  createVenv,
  downloadConstraints,
  dropOwnPin,
  pipInstall,
  serviceConstraintsFile,
  serviceRequirement,
  utilityPath,
} from '../steps/commands.ts';
import type { UtilityHost } from './hosts.ts';
import { OS_RELEASES, type OsRelease } from './os-releases.ts';

/**
 * How to build one service's utility for one series, as data: the rehearsal builds the same
 * recipe in a debootstrap root (base codename, packages, runs), the runbook as a Containerfile.
 */
export interface UtilityRecipe {
  series: string;
  service: string;
  /** `packages`: the distribution's own packages of that series; `venv`: the venv recipe inside the image. */
  kind: 'packages' | 'venv';
  os: OsRelease;
  image: string;
  /** apt packages, installed first. */
  packages: string[];
  /** Shell commands run in order after the packages (the venv recipe; none for distribution packages). */
  runs: string[];
  /** Directory prepended to PATH, where the service's tools are. */
  bin: string;
}

/** The venv's database drivers: MySQLdb is MySQL-python on 2.7, mysqlclient (same module) on Python 3. */
export function drivers(series: Series, python: string): string[] {
  return series['db-drivers'].map((d) => (d === 'MySQL-python' && !python.startsWith('2.') ? 'mysqlclient' : d));
}

/** apt packages a venv of this series needs on this OS: the series' build deps with the chosen Python's headers. */
export function buildPackages(series: Series, host: UtilityHost): string[] {
  const python = host.python.startsWith('2.') ? ['python2.7', 'python-dev', 'python-virtualenv'] : ['python3-dev', 'python3-venv'];
  const mysql = series['db-drivers'].includes('MySQL-python') ? [host.os.mysqlHeaders] : [];
  const deps = series['build-deps'].filter((p) => !/^python/.test(p) && p !== 'libmysqlclient-dev');
  return [...new Set(['ca-certificates', ...deps, ...mysql, ...python])].sort();
}

/** The series' venv for one service: create, constraints, drivers, then the service's code without its own pin. */
export function venvCommands(content: Content, series: Series, service: Service | undefined, python: string): string[] {
  const ref = series['constraints-ref'];
  const base = [
    createVenv(series, python),
    ...(ref ? [downloadConstraints(series, ref)] : []),
    pipInstall(series, drivers(series, python).join(' '), ref ? constraintsFile(series) : undefined),
  ];
  if (!service) return base;
  return [...base, ...serviceInstall(content, series, service)];
}

export function serviceInstall(content: Content, series: Series, service: Service): string[] {
  const ref = series['constraints-ref'];
  const pkg = packageAt(content, service, series);
  const codeRef = content.release(series.id, service.id)?.['code-ref'] ?? series['code-ref'];
  return ref
    ? [dropOwnPin(series, service, pkg), pipInstall(series, serviceRequirement(service, pkg, codeRef), serviceConstraintsFile(series, service))]
    : [pipInstall(series, serviceRequirement(service, pkg, codeRef))];
}

/** Where a Debian release ships this series for this service, with the packages that hold its tools. */
function debianPackages(series: Series, service: Service): OsRelease | undefined {
  if (!service['debian-packages']) return undefined;
  const entry = series.packages.find((p) => p.os.startsWith('debian-') && p.source === 'distro' && (!p.services || p.services.includes(service.id)));
  return entry ? OS_RELEASES[entry.os] : undefined;
}

export function utilityRecipe(content: Content, series: Series, service: Service, host: UtilityHost): UtilityRecipe {
  const debian = debianPackages(series, service);
  if (debian) {
    // Both MySQL drivers and oslo.config's validator (the config checks), from the same suite.
    const packages = [...service['debian-packages']!, 'python3-mysqldb', 'python3-oslo.config', 'python3-pymysql'];
    return { series: series.id, service: service.id, kind: 'packages', os: debian, image: debian.image, packages, runs: [], bin: '/usr/bin' };
  }
  return {
    series: series.id,
    service: service.id,
    kind: 'venv',
    os: host.os,
    image: host.os.image,
    packages: buildPackages(series, host),
    runs: venvCommands(content, series, service, host.python),
    bin: `${utilityPath(series.id)}/bin`,
  };
}

/** The recipe as a Containerfile; `RUN` lines are the recipe's commands byte for byte. */
export function containerfile(recipe: UtilityRecipe): string {
  return [
    `FROM ${recipe.image}`,
    'ENV DEBIAN_FRONTEND=noninteractive',
    `RUN apt-get update && apt-get install -y --no-install-recommends ${recipe.packages.join(' ')} && rm -rf /var/lib/apt/lists/*`,
    ...recipe.runs.map((r) => `RUN ${r}`),
    ...(recipe.bin === '/usr/bin' ? [] : [`ENV PATH=${recipe.bin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`]),
  ].join('\n');
}
