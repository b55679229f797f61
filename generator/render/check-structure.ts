import type { Runbook } from '../plan/runbook-model.ts';
import { STEP_ID } from '../plan/step-id.ts';

/**
 * What change tickets and the site's checklist state rely on, checked on the model before any
 * text is written: every step id well formed and unique. (One title and fenced commands are the
 * templates' shape; test/render.test.ts parses the output once to prove it.)
 */
export function checkStructure(runbook: Runbook): void {
  const seen = new Set<string>();
  for (const step of runbook.sections.flatMap((s) => s.steps)) {
    if (!STEP_ID.test(step.id)) throw new Error(`Unexpected step id \`${step.id}\`, expected dot-separated kebab-case parts [step-id]`);
    if (seen.has(step.id)) throw new Error(`Unexpected duplicate step id \`${step.id}\`, expected unique ids [unique-step-id]`);
    seen.add(step.id);
  }
}
