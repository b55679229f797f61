import type { Content, Release, Service } from '../../content.ts';
import { byArguments } from '../../text/argument-memo.ts';
import type { KeyRepository } from '../../schema/service.ts';
import { OFFLINE_PHASES } from '../../schema/phases.ts';
import type { Plan, ServicePath } from '../plan-model.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { BACKUP_DIR } from './commands.ts';
import { plannedStepId } from '../step-id.ts';

/** GNU tar's --ignore-failed-read: a repository the source never created is reported, not fatal. */
const TAR = 'https://manpages.debian.org/bookworm/tar/tar.1.en.html';

/**
 * The service's key repositories that the leap may create or change: one exists by the target
 * and a stop of the service runs its setup subcommand (keystone-manage fernet_setup).
 */
export function touchedRepositories(content: Content, plan: Plan, path: ServicePath): KeyRepository[] {
  const repos = path.of['key-repositories'];
  if (repos.length === 0) return [];
  return repos.filter(
    (repo) => content.indexOf(repo.since) <= content.indexOf(plan.to.id) && path.stops.some((stop) => offlineWords(stop.release).has(repo.setup)),
  );
}

/** The words of a release's offline commands, once per release: every pair through it asks. */
const offlineWords = byArguments(
  (release: Release) => new Set(release.steps.filter((s) => OFFLINE_PHASES.includes(s.phase)).flatMap((s) => s.commands.flatMap((c) => c.split(' ')))),
);

function archive(plan: Plan, service: Service): string {
  return `${BACKUP_DIR}/${plan.from.id}-${service.id}-key-repositories.tar.gz`;
}

/** Archived with the dumps, once the service is stopped: keys are rotated while it runs. */
export function keyBackupStep(content: Content, plan: Plan, path: ServicePath): RunbookStep[] {
  const service = path.of;
  const atSource = touchedRepositories(content, plan, path).filter((r) => content.indexOf(r.since) <= content.indexOf(plan.from.id));
  if (atSource.length === 0) return [];
  const file = archive(plan, service);
  return [
    {
      id: plannedStepId('offline', 'backup', service.id, 'key-repositories'),
      title: `Back up the ${service.name} key repositories`,
      service: service.id,
      series: null,
      commands: [`tar -czf ${file} --ignore-failed-read ${atSource.map((r) => r.path).join(' ')}`, `tar -tzf ${file}`],
      hosts: ['controller'],
      doneWhen: `the listing shows the keys of every repository ${plan.from.name} uses; one it never created is reported as "Cannot stat" and left out`,
      sources: [...new Set([...atSource.flatMap((r) => r.sources), TAR])],
      notes: [
        `Run it on one controller that runs ${service.name}. The keys are files, not rows: the database dumps do not carry them, and a stop's ${atSource.map((r) => r.setup).join(' or ')} creates a repository that is missing. Where ${atSource.map((r) => r.option).join(' or ')} points elsewhere, archive that directory instead.`,
        'Credentials in the database dump are encrypted with the credential keys of this archive: restore both or neither.',
      ],
      group: 'Backups',
    },
  ];
}

/** Back to the source's keys: the repositories the leap created go, the archived ones come back. */
export function keyRestoreStep(content: Content, plan: Plan, path: ServicePath): RunbookStep[] {
  const service = path.of;
  const touched = touchedRepositories(content, plan, path);
  if (touched.length === 0) return [];
  const archived = touched.some((r) => content.indexOf(r.since) <= content.indexOf(plan.from.id));
  return [
    {
      id: plannedStepId('rollback', 'restore', service.id, 'key-repositories'),
      title: `Restore the ${service.name} key repositories of ${plan.from.name}`,
      service: service.id,
      series: null,
      commands: [`rm -rf ${touched.map((r) => r.path).join(' ')}`, ...(archived ? [`tar -xzf ${archive(plan, service)} -C /`] : [])],
      hosts: ['controller'],
      doneWhen: archived
        ? 'the repositories hold the same key files as the backup listing, owned by the service user, on every controller that runs the service'
        : `no key repository is left: ${plan.from.name} had none`,
      sources: [...new Set([...touched.flatMap((r) => r.sources), TAR])],
      notes: [
        `Run it on every controller that runs ${service.name} (copy the archive there first): removing the directories drops any repository the upgrade created${archived ? ', and tar, run as root, brings back the archived keys with their owner and modes' : ''}.`,
      ],
      group: service.name,
    },
  ];
}
