import type { Runbook, RunbookStep } from '../plan/runbook-model.ts';
import { STEP_ID } from '../plan/step-id.ts';
import { isShared } from '../plan/step-identity.ts';

// Shared steps are frozen (plan/step-identity.ts): an id found well formed stays so, and each
// recurs in hundreds of runbooks.
const wellFormed = new WeakSet<RunbookStep>();

/**
 * What change tickets and the site's checklist state rely on, checked on the model before any
 * text is written: every step id well formed and unique. (One title and fenced commands are the
 * templates' shape; test/render.test.ts parses the output once to prove it.)
 */
export function checkStructure(runbook: Runbook): void {
  const seen = new Set<string>();
  for (const section of runbook.sections) {
    for (const step of section.steps) {
      if (!wellFormed.has(step)) {
        if (!STEP_ID.test(step.id)) throw new Error(`Unexpected step id \`${step.id}\`, expected dot-separated kebab-case parts [step-id]`);
        if (isShared(step)) wellFormed.add(step);
      }
      if (seen.has(step.id)) throw new Error(`Unexpected duplicate step id \`${step.id}\`, expected unique ids [unique-step-id]`);
      seen.add(step.id);
    }
  }
}
