import type { RunbookStep } from '../plan/runbook-model.ts';
import { sameValues } from '../plan/step-identity.ts';

/**
 * Texts written for steps, kept per step id with the step each was written for: a step that
 * agrees with one of them on the fields the text is made of gets that text. The variants of an
 * id differ in a few fields (a note pointing back to the first stop, a group), so a handful are
 * kept, the newest last.
 */
export class KeptByFields<T> {
  private readonly byId = new Map<string, { step: RunbookStep; text: T }[]>();
  private readonly fields: readonly string[];
  private readonly perId: number;

  constructor(fields: readonly string[], perId = 8) {
    this.fields = fields;
    this.perId = perId;
  }

  find(step: RunbookStep): T | undefined {
    return this.byId.get(step.id)?.findLast((k) => sameValues(k.step, step, this.fields))?.text;
  }

  keep(step: RunbookStep, text: T): void {
    let known = this.byId.get(step.id);
    if (!known) {
      known = [];
      this.byId.set(step.id, known);
    }
    if (known.some((k) => k.text === text)) return;
    if (known.length === this.perId) known.shift();
    known.push({ step, text });
  }
}
