import type { Content } from '../../content.ts';
import type { Plan } from '../plan.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { phaseSteps, targetRunWith } from './applies.ts';
import { contentStep } from './content-step.ts';

/**
 * The target's configuration checks, run before the window from the target's utility: the
 * configuration carried forward is read by code that dropped options of every series crossed.
 */
export function configChecks(content: Content, plan: Plan): RunbookStep[] {
  const { to } = plan;
  return plan.services.flatMap((service) =>
    phaseSteps(content, to, service, 'config-check', plan.from).map((step) =>
      contentStep(service, to.id, step, targetRunWith(content, to, service, plan.utility), { id: `prepare.${to.id}.${service.id}.${step.id}`, group: `Configuration for ${to.name}` })));
}
