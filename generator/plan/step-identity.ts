import { byArguments, type MemoKey } from '../text/argument-memo.ts';
import type { RunbookSection, RunbookStep } from './runbook-model.ts';

/**
 * One object per distinct step. The same step recurs in hundreds of pair runbooks (116,714 steps
 * in all pairs, 10,832 distinct), so the renderers cache a step's Markdown and JSON by its object
 * (WeakMap) and pay for each distinct step once. Two ways in: builders wrapped in `sameStep`
 * return the same object for the same inputs, with no key to build; every step a builder makes,
 * and any other passed to `internSteps`, is mapped to an equal one seen before under its id,
 * compared field by field. Shared steps are frozen: a caller that edits one would edit every
 * runbook holding it, and now fails loudly.
 */
const shared = new WeakSet<RunbookStep>();

function share(step: RunbookStep): RunbookStep {
  for (const field of Object.values(step)) if (Array.isArray(field)) Object.freeze(field);
  shared.add(Object.freeze(step));
  return step;
}

/** Whether the step is a shared one: a renderer may keep its text by the object. */
export function isShared(step: RunbookStep): boolean {
  return shared.has(step);
}

/**
 * A step builder memoised by its arguments (text/argument-memo.ts), its steps shared.
 * test/step-identity.test.ts builds requests warm and cold to hold builders to their arguments.
 */
export function sameStep<A extends MemoKey[], T extends RunbookStep | RunbookStep[]>(build: (...args: A) => T): (...args: A) => T {
  // Each step as its first equal too: different arguments often build the same step (a roll
  // back's redeploy is the same for every target), and the renderers pay once per object.
  return byArguments((...args: A) => {
    const built = build(...args);
    return (Array.isArray(built) ? Object.freeze(built.map(intern)) : intern(built as RunbookStep)) as T;
  });
}

// A step's variants, by id: the same id differs between pairs only in what the pair changes (the
// source's name in a note, the utility method), so a handful each; the newest few are kept.
const variants = new Map<string, RunbookStep[]>();
const VARIANTS_PER_ID = 32;

/** Every step as its shared object: builders' steps as they are, any other as its first equal. */
export function internSteps(sections: RunbookSection[]): RunbookSection[] {
  return sections.map((section) => ({ ...section, steps: section.steps.map(intern) }));
}

function intern(step: RunbookStep): RunbookStep {
  if (shared.has(step)) return step;
  const own = inOneShape(step);
  let known = variants.get(own.id);
  if (!known) {
    known = [];
    variants.set(own.id, known);
  }
  // Newest first: a build meets a step's variants pair after pair.
  const equal = known.findLast((k) => sameStepFields(k, own));
  if (equal) return equal;
  if (known.length === VARIANTS_PER_ID) known.shift();
  known.push(share(own));
  return own;
}

// The model's fields, each compared by name in sameStepFields. The compiler rejects a field added
// to RunbookStep and not listed here; one not listed would still be compared, as an extra, below.
const MODEL_FIELDS = ['id', 'title', 'service', 'series', 'commands', 'sources', 'hosts', 'notes', 'doneWhen', 'body', 'group'] as const;
const everyFieldListed: [Exclude<keyof RunbookStep, (typeof MODEL_FIELDS)[number]>] extends [never] ? true : never = true;
const FIELDS = new Set<string>(everyFieldListed && MODEL_FIELDS);
/** Steps some caller built with a field the model does not declare: compared by their keys too. */
const withExtras = new WeakSet<RunbookStep>();

/**
 * The step with every field in one order, absent ones undefined: builders make steps of a dozen
 * shapes (optional fields, spreads in different orders), and every stage after the planner reads
 * the same few fields of 100,000 of them, which V8 does fastest when they all share one shape.
 */
function inOneShape(step: RunbookStep): RunbookStep {
  const { id, title, service, series, commands, sources, hosts, notes, doneWhen, body, group } = step;
  const own: RunbookStep = { id, title, service, series, commands, sources, hosts, notes, doneWhen, body, group };
  for (const key of Object.keys(step)) {
    if (FIELDS.has(key)) continue;
    (own as unknown as Record<string, unknown>)[key] = (step as unknown as Record<string, unknown>)[key];
    withExtras.add(own);
  }
  return own;
}

/**
 * Two steps in one shape, field by field with no text built: the notes first, which is where a
 * step's variants differ most (a note pointing back to another stop), then the title. Steps hold
 * strings, null and arrays of strings; anything else compares by identity, which can only miss a
 * match, never make a false one.
 */
function sameStepFields(a: RunbookStep, b: RunbookStep): boolean {
  return (
    sameList(a.notes, b.notes) &&
    a.title === b.title &&
    sameList(a.commands, b.commands) &&
    sameList(a.sources, b.sources) &&
    a.group === b.group &&
    a.service === b.service &&
    a.series === b.series &&
    sameList(a.hosts, b.hosts) &&
    a.doneWhen === b.doneWhen &&
    a.body === b.body &&
    (!(withExtras.has(a) || withExtras.has(b)) || (sameValues(a, b, Object.keys(a)) && sameValues(a, b, Object.keys(b))))
  );
}

function sameList(x: readonly string[] | undefined, y: readonly string[] | undefined): boolean {
  if (x === y) return true;
  if (x === undefined || y === undefined || x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Whether two steps agree on these fields (strings, null, arrays of strings; anything else by identity). */
export function sameValues(a: RunbookStep, b: RunbookStep, keys: readonly string[]): boolean {
  for (const key of keys as (keyof RunbookStep)[]) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}
