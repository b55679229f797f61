import type { Content } from '../../content.ts';
import { packageAt } from '../lifetimes.ts';
import { hasOfflineWork } from '../plan-service.ts';
import type { Plan } from '../plan.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { constraintsFile, createVenv, downloadConstraints, dropOwnPin, pipInstall, serviceConstraintsFile, serviceRequirement, utilityPath } from './commands.ts';
import { SOURCES } from './sources.ts';

/** One utility per stop: a venv with the series' database drivers, then one step per service's code. */
export function utilities(content: Content, plan: Plan): RunbookStep[] {
  return plan.stops.flatMap((stop) => {
    const series = content.getSeries(stop.series)!;
    const ref = series['constraints-ref'];
    const packages = stop.services
      .map((id) => content.getService(id)!)
      .filter((service) => hasOfflineWork(content.release(series.id, service.id)))
      .map((service) => ({ service, pkg: packageAt(content, service, series), codeRef: content.release(series.id, service.id)?.['code-ref'] ?? series['code-ref'] }));
    if (packages.length === 0) return [];
    const notes = [`Python ${series.python}: ${series.name} supports it; the target host's Python may be too new for this code, so build it where that Python exists (an older distribution release or a container).`];
    if (series.python.startsWith('2.')) notes.push('Python 2.7 environments need virtualenv older than 20.22 (`pip install "virtualenv<20.22"`).');
    if (series['db-drivers'].includes('MySQL-python')) {
      notes.push('MySQL-python (the MySQLdb driver that `mysql://` database URLs load) is built from source: it needs a compiler, the Python headers and the MySQL client headers (Debian/Ubuntu: build-essential python-dev libmysqlclient-dev).');
    }
    if (!ref) notes.push(`No upper-constraints file exists for ${series.name}: the versions pip picks are not pinned; check them against the ${series.name} requirements.`);
    notes.push(...series.notes);
    const drivers = series['db-drivers'].join(' ');
    // One step per service installs its code, so a service's steps stay the same whichever others are selected.
    return [
      {
        id: `prepare.utility.${series.id}`,
        title: `Create the ${series.name} utility in ${utilityPath(series.id)}`,
        service: null, series: null,
        commands: [createVenv(series), ...(ref ? [downloadConstraints(series, ref)] : []), pipInstall(series, drivers, ref ? constraintsFile(series) : undefined)],
        sources: [...series.sources, series.python.startsWith('2.') ? SOURCES.virtualenv : SOURCES.venv(series.python)],
        notes,
        group: 'Utilities',
      },
      ...packages.map(({ service, pkg, codeRef }): RunbookStep => ({
        id: `prepare.utility.${series.id}.${service.id}`,
        title: `Install ${service.name} ${series.name} code (${codeRef}) into the ${series.name} utility`,
        service: service.id, series: null,
        commands: ref
          ? [dropOwnPin(series, service, pkg), pipInstall(series, serviceRequirement(service, pkg, codeRef), serviceConstraintsFile(series, service))]
          : [pipInstall(series, serviceRequirement(service, pkg, codeRef))],
        sources: series.sources.filter((u) => u.includes('/requirements/') || u.includes(`/${service.repo}/`)).concat(service.sources.slice(0, 1)),
        notes: ref
          ? [`The constraints may pin ${pkg} itself (neutron===14.4.2 at stein-eol, horizon at several series), while ${codeRef} builds a development version that pip then refuses; so its own line is dropped for this install, and only for it.`]
          : [],
        group: 'Utilities',
      })),
    ];
  });
}
