import type { RunbookSection } from './runbook-model.ts';

/**
 * Upstream files repeat a step's notes at every series, so a long leap would print the same
 * paragraph at every stop. Each note is kept in full where it first appears; later copies point
 * back to that step by its id. Only within a service: a view filtered to one service must still
 * show the step a reference points to.
 */
export function referRepeatedNotes(sections: RunbookSection[]): RunbookSection[] {
  const firstAt = new Map<string, string>();
  return sections.map((section) => ({
    ...section,
    steps: section.steps.map((step) => ({
      ...step,
      // Several notes first seen at the same step make one pointer, not one each.
      notes: [
        ...new Set(
          step.notes.map((note) => {
            const key = `${step.service}\0${note}`;
            const first = firstAt.get(key);
            if (first) return `Same note as at \`${first}\`.`;
            firstAt.set(key, step.id);
            return note;
          }),
        ),
      ],
    })),
  }));
}
