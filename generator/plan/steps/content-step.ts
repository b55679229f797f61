import type { Service } from '../../content.ts';
import type { ReleaseStep } from '../../schema/release.ts';
import { SERVICE_TOOL_PHASES } from '../../schema/phases.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { inContainer } from '../utility/container-run.ts';
import type { UtilityMethod } from '../utility/method.ts';
import { asServiceUser, inUtility, utilityPath } from './commands.ts';
import { contentStepId } from '../step-id.ts';

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
  const serviceTool = (SERVICE_TOOL_PHASES.includes(step.phase) || runWith !== 'installed') && step.utility !== false;
  const commands = step.commands.map((c) => {
    if (!serviceTool) return c;
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
    notes: runWith === 'container' && !serviceTool && step.commands.some((c) => c.includes(`${utilityPath(series)}/bin`))
      ? [`This step runs a script that finds the ${service.name} tools in ${utilityPath(series)}/bin, the venv's: with --utility container, build that venv too (the --utility venv runbook's prepare.utility.${series} and prepare.utility.${series}.${service.id}) on a host with the series' Python, or run the script where those tools are.`, ...step.notes]
      : step.notes,
    doneWhen: step['done-when'],
    ...(step.hosts ? { hosts: step.hosts } : {}),
    ...extra,
  };
}
