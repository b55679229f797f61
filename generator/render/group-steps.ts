import type { RunbookStep } from '../plan/runbook-model.ts';

/** Consecutive steps with the same group share one heading (Markdown and the site alike). */
export function groupSteps(steps: RunbookStep[]): { title: string | undefined; steps: RunbookStep[] }[] {
  const groups: { title: string | undefined; steps: RunbookStep[] }[] = [];
  for (const step of steps) {
    const last = groups.at(-1);
    if (last && last.title === step.group) last.steps.push(step);
    else groups.push({ title: step.group, steps: [step] });
  }
  return groups;
}
