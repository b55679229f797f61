import type { RunbookSection } from './runbook-model.ts';

/**
 * Upstream files repeat a step's notes at every series, so a long leap would print the same
 * paragraph at every stop. Each note is kept in full where it first appears; later copies point
 * back to that step by its id.
 */
export function referRepeatedNotes(sections: RunbookSection[]): RunbookSection[] {
  const firstAt = new Map<string, string>();
  return sections.map((section) => ({
    ...section,
    steps: section.steps.map((step) => ({
      ...step,
      notes: step.notes.map((note) => {
        const first = firstAt.get(note);
        if (first) return `Same note as at \`${first}\`.`;
        firstAt.set(note, step.id);
        return note;
      }),
    })),
  }));
}
