import type { Content } from '../../content.ts';
import type { Plan } from '../plan-model.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { phaseSteps, targetRunWith } from './applies.ts';
import { contentStep } from './content-step.ts';
import { preparedStepId } from '../step-id.ts';

/**
 * The configuration carried forward, checked before the window: first what each series crossed
 * removed or requires (its `carry-forward` checks, read-only, on the hosts they name), then the
 * target's validator run from the target's utility, which knows only the options the target reads.
 */
export function configChecks(content: Content, plan: Plan): RunbookStep[] {
  const { from, to } = plan;
  const group = `Configuration for ${to.name}`;
  const crossed = content
    .between(from.id, to.id)
    .flatMap((series) =>
      plan.services.flatMap((service) =>
        phaseSteps(content, series, service, 'carry-forward', from).map((step) =>
          contentStep(service, series.id, step, 'installed', { id: preparedStepId(series.id, service.id, step.id), group }),
        ),
      ),
    );
  const validators = plan.services.flatMap((service) =>
    phaseSteps(content, to, service, 'config-check', from).map((step) =>
      contentStep(service, to.id, step, targetRunWith(content, to, service, plan.utility), { id: preparedStepId(to.id, service.id, step.id), group }),
    ),
  );
  return [...crossed, ...validators];
}
