import type { Content } from '../../content.ts';
import type { Plan } from '../plan.ts';
import type { RunbookSection, RunbookStep } from '../runbook-model.ts';
import { BACKUP_DIR, createVenv, databasesAt, dumpDatabase, pipInstall, serviceRequirement, utilityPath } from './commands.ts';
import { contentStep } from './content-step.ts';
import { hasOfflineWork } from '../plan-service.ts';
import { SOURCES } from './sources.ts';

/** Read, update the source, check it, back up, build the utilities. */
export function prepareSection(content: Content, plan: Plan): RunbookSection {
  const { from } = plan;
  const steps: RunbookStep[] = [...readNotes(content, plan)];
  steps.push({
    id: 'prepare.update-source',
    title: `Update the source cloud to the latest ${from.name} patch release of every service`,
    service: null, series: null, commands: [], sources: from.sources,
    notes: [`Migrations of later series assume the final ${from.name} schema; the last patch release also carries fixes to its own migrations.`],
    group: 'Source cloud',
  });
  // Read-only checks only: anything that writes to the databases runs after the backups, offline.
  for (const service of plan.services) {
    for (const step of content.release(from.id, service.id)?.steps ?? []) {
      if (step.phase === 'pre-check') {
        steps.push(contentStep(service, from.id, step, 'installed', { id: `prepare.${from.id}.${service.id}.${step.id}`, group: 'Source cloud' }));
      }
    }
  }
  for (const service of plan.services) {
    const databases = databasesAt(service, (id) => content.indexOf(id), from);
    if (databases.length === 0) continue;
    steps.push({
      id: `prepare.backup.${service.id}`,
      title: `Back up the ${service.name} ${databases.length === 1 ? 'database' : 'databases'}`,
      service: service.id, series: null,
      commands: [`mkdir -p ${BACKUP_DIR}`, ...databases.map((db) => dumpDatabase(from, db))],
      sources: [SOURCES.opsUpgrades],
      notes: [
        'Restoring these dumps is the only way back: database downgrades are not supported. Copy them off the host.',
        'Take them at the start of the change window: anything written to the databases after the dump is lost if you roll back.',
      ],
      group: 'Backups',
    });
  }
  steps.push(...utilities(content, plan));
  return {
    id: 'prepare',
    title: 'Prepare',
    intro: `Before the change window: read what changes, bring ${from.name} up to date, back up every database and build one utility per stop.`,
    steps,
  };
}

/** One step per series and service with changes the operator must act on, so ids do not depend on the pair. */
function readNotes(content: Content, plan: Plan): RunbookStep[] {
  const crossed = [plan.from, ...content.between(plan.from.id, plan.to.id)];
  return plan.services.flatMap((service) =>
    crossed.flatMap((series): RunbookStep[] => {
      const community = content.note(series.id, service.id);
      const communityStep: RunbookStep[] = community
        ? [{
            id: `prepare.community.${series.id}.${service.id}`,
            title: `Read the community note on ${service.name} at ${series.name}: ${community.title}`,
            service: service.id, series: null, commands: [], sources: community.sources,
            notes: community.authors.length ? [`By ${community.authors.join(', ')}.`] : [],
            body: community.body,
            group: 'Read first',
          }]
        : [];
      const notes = series.id === plan.from.id ? [] : (content.release(series.id, service.id)?.notes ?? []).filter((n) => n.action);
      if (notes.length === 0) return communityStep;
      return [...communityStep, {
        id: `prepare.notes.${series.id}.${service.id}`,
        title: `Act on the ${service.name} changes of ${series.name}`,
        service: service.id, series: null, commands: [],
        sources: [...new Set(notes.flatMap((n) => n.sources))],
        notes: notes.map((n) => n.text),
        group: 'Read first',
      }];
    }),
  );
}

function utilities(content: Content, plan: Plan): RunbookStep[] {
  return plan.stops.flatMap((stop) => {
    const series = content.getSeries(stop.series)!;
    const packages = stop.services
      .map((id) => content.getService(id)!)
      .filter((service) => hasOfflineWork(content.release(series.id, service.id)))
      .map((service) => ({ service, ref: content.release(series.id, service.id)?.['code-ref'] ?? series['code-ref'] }));
    if (packages.length === 0) return [];
    const notes = [`Python ${series.python}: ${series.name} supports it; the target host's Python may be too new for this code, so build it where that Python exists (an older distribution release or a container).`];
    if (series.python.startsWith('2.')) notes.push('Python 2.7 environments need virtualenv older than 20.22 (`pip install "virtualenv<20.22"`).');
    if (!series['constraints-ref']) notes.push(`No upper-constraints file exists for ${series.name}: the versions pip picks are not pinned; check them against the ${series.name} requirements.`);
    notes.push(...series.notes);
    // One step per service installs its code, so a service's steps stay the same whichever others are selected.
    return [
      {
        id: `prepare.utility.${series.id}`,
        title: `Create the ${series.name} utility in ${utilityPath(series.id)}`,
        service: null, series: null,
        commands: [createVenv(series), pipInstall(series, 'PyMySQL')],
        sources: [...series.sources, series.python.startsWith('2.') ? SOURCES.virtualenv : SOURCES.venv(series.python)],
        notes,
        group: 'Utilities',
      },
      ...packages.map(({ service, ref }): RunbookStep => ({
        id: `prepare.utility.${series.id}.${service.id}`,
        title: `Install ${service.name} ${series.name} code (${ref}) into the ${series.name} utility`,
        service: service.id, series: null,
        commands: [pipInstall(series, serviceRequirement(service, ref))],
        sources: series.sources.filter((u) => u.includes('/requirements/') || u.includes(`/${service.repo}/`)).concat(service.sources.slice(0, 1)),
        notes: [],
        group: 'Utilities',
      })),
    ];
  });
}
