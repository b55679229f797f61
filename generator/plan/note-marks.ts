import type { RunbookStep } from './runbook-model.ts';

/**
 * Which notes a runbook has shown so far, and at which step. Each note of a service is numbered
 * once per process and a shared step keeps its notes' numbers, so marking a note seen is writing
 * a slot stamped with the runbook's number: no map is built and filled for every runbook, which
 * cost a fifth of a warm plan (measured). Bounded like every cache here: past `limit` numbers it
 * starts over, between runbooks.
 */
export class NoteMarks {
  private numbers = new Map<string | null, Map<string, number>>();
  private ofStep = new WeakMap<RunbookStep, number[]>();
  private count = 0;
  private runbook = 0;
  private stamps = new Int32Array(1024);
  private firsts: string[] = [];
  private readonly limit: number;

  constructor(limit = 500_000) {
    this.limit = limit;
  }

  startRunbook(): void {
    if (this.count > this.limit) {
      this.numbers = new Map();
      this.ofStep = new WeakMap();
      this.count = 0;
    }
    if (++this.runbook === 0x7fffffff) {
      this.stamps.fill(0);
      this.runbook = 1;
    }
  }

  /** The numbers of a step's notes, in order; kept for a frozen (shared) step only. */
  of(step: RunbookStep): number[] {
    let known = this.ofStep.get(step);
    if (known) return known;
    let service = this.numbers.get(step.service);
    if (!service) {
      service = new Map();
      this.numbers.set(step.service, service);
    }
    known = step.notes.map((note) => this.number(service, note));
    if (Object.isFrozen(step) && Object.isFrozen(step.notes)) this.ofStep.set(step, known);
    return known;
  }

  /** The step id where this runbook first showed the note, or undefined (then it is shown here, at `stepId`). */
  firstSeen(note: number, stepId: string): string | undefined {
    if (this.stamps[note] === this.runbook) return this.firsts[note];
    this.stamps[note] = this.runbook;
    this.firsts[note] = stepId;
    return undefined;
  }

  private number(service: Map<string, number>, note: string): number {
    let n = service.get(note);
    if (n === undefined) {
      n = this.count++;
      service.set(note, n);
      if (n >= this.stamps.length) {
        const grown = new Int32Array(this.stamps.length * 2);
        grown.set(this.stamps);
        this.stamps = grown;
      }
    }
    return n;
  }
}
