import type { Service } from '../../content.ts';
import type { ReleaseStep } from '../../schema/release.ts';
import { SERVICE_TOOL_PHASES } from '../../schema/phases.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { imageName, inContainer, throughWrappers, wrapperDir } from '../utility/container-run.ts';
import type { UtilityMethod } from '../utility/method.ts';
import { asServiceUser, inUtility, utilityPath } from './commands.ts';
import { contentStepId, plannedStepId } from '../step-id.ts';
import { sameStep } from '../step-identity.ts';

/**
 * A content step as a runbook step. `venv`/`container`: run from the series' utility (offline work at a stop,
 * or the target's status checks before its services start); `installed`: run with the code
 * installed on the host (the source cloud or the deployed target). Commands of the service's own
 * tools run as its OS user (and from the venv, for a utility); `utility: false` runs them as written.
 */
export function contentStep(
  service: Service,
  series: string,
  step: ReleaseStep,
  runWith: UtilityMethod | 'installed',
  extra: Partial<RunbookStep> = {},
): RunbookStep {
  const { id, group, ...rest } = extra;
  // Only an id and a group are common: anything more is one caller's own step.
  if (Object.keys(rest).length > 0) return { ...asRunbookStep(service, series, step, runWith), ...extra };
  return sharedContentStep(service, step, series, runWith, id, group);
}

const sharedContentStep = sameStep(
  (service: Service, step: ReleaseStep, series: string, runWith: UtilityMethod | 'installed', id: string | undefined, group: string | undefined) => ({
    ...asRunbookStep(service, series, step, runWith),
    ...(id === undefined ? {} : { id }),
    ...(group === undefined ? {} : { group }),
  }),
);

function asRunbookStep(service: Service, series: string, step: ReleaseStep, runWith: UtilityMethod | 'installed'): RunbookStep {
  const serviceTool = (SERVICE_TOOL_PHASES.includes(step.phase) || runWith !== 'installed') && step.utility !== false;
  const wrapped = runWith === 'container' && !serviceTool && step.commands.some((c) => c.includes(`${utilityPath(series)}/bin`));
  const commands = step.commands.map((c) => {
    if (!serviceTool) return wrapped ? throughWrappers(series, c) : c;
    if (runWith === 'installed') return asServiceUser(service, c);
    return runWith === 'container' ? inContainer(service, series, c) : inUtility(service, series, c);
  });
  return {
    id: contentStepId(series, service.id, step.id),
    title: step.title,
    service: service.id,
    series,
    commands,
    sources: step.sources,
    notes: wrapped
      ? [
          `With --utility container this script runs on the host, where its database clients and files are, and finds the ${service.name} tools in ${wrapperDir(series)}: wrappers written by ${plannedStepId('prepare', 'utility', series, service.id)} that run each tool in ${imageName(service, series)}, the way the other steps do (the --utility venv runbook points it at ${utilityPath(series)}/bin instead).`,
          ...step.notes,
        ]
      : step.notes,
    doneWhen: step['done-when'],
    ...(step.hosts ? { hosts: step.hosts } : {}),
  };
}
