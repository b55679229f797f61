import type { RunbookSection, RunbookStep } from './runbook-model.ts';
import { isShared, sameStep } from './step-identity.ts';

/**
 * Upstream files repeat a step's notes at every series, so a long leap would print the same
 * paragraph at every stop. Each note is kept in full where it first appears; later copies point
 * back to that step by its id. Only within a service: a view filtered to one service must still
 * show the step a reference points to.
 */
export function referRepeatedNotes(sections: RunbookSection[]): RunbookSection[] {
  const firstAt = new Map<string | null, Map<string, string>>();
  const refer = (step: RunbookStep): RunbookStep => {
    if (step.notes.length === 0) return step;
    let seen = firstAt.get(step.service);
    if (!seen) {
      seen = new Map();
      firstAt.set(step.service, seen);
    }
    // Where each note was first seen ('' for here): the step is the same wherever these are.
    // Most steps' notes are all new: then no list is made.
    let firsts: string[] | undefined;
    for (const [i, note] of step.notes.entries()) {
      const first = seen.get(note);
      if (first === undefined) {
        seen.set(note, step.id);
        continue;
      }
      firsts ??= new Array<string>(step.notes.length).fill('');
      firsts[i] = first;
    }
    if (!firsts) return step;
    return isShared(step) ? referred(step, ...firsts) : pointTo(step, firsts);
  };
  return sections.map((section) => ({ ...section, steps: section.steps.map(refer) }));
}

// Keyed by the step and where each of its notes was first seen: no key text is built.
const referred = sameStep((step: RunbookStep, ...firsts: string[]) => pointTo(step, firsts));

function pointTo(step: RunbookStep, firsts: string[]): RunbookStep {
  const notes = step.notes.map((note, i) => (firsts[i] ? `Same note as at \`${firsts[i]}\`.` : note));
  // Several notes first seen at the same step make one pointer, not one each.
  return { ...step, notes: [...new Set(notes)] };
}
