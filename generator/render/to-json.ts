import { stage } from '../stages.ts';
import type { Runbook, RunbookStep } from '../plan/runbook-model.ts';
import { isShared } from '../plan/step-identity.ts';
import { KeptByFields } from './kept-by-fields.ts';
import { ownBytes, Utf8Builder, type Utf8Text } from '../text/utf8-text.ts';

/** The contract's version: bumped when a key goes or changes meaning (adding one keeps it). */
export const JSON_VERSION = 1;

/** The JSON contract other tools depend on: exactly these keys, steps in execution order. */
export interface RunbookJson {
  version: typeof JSON_VERSION;
  from: string;
  to: string;
  /** How the utility steps build and run each stop's code: venv or container. */
  utility: string;
  services: string[];
  stops: { series: string; services: string[]; reasons: string[] }[];
  sections: {
    id: string;
    title: string;
    /** `hosts` is present only on steps that run on some kinds of host (controller, compute, storage…). */
    steps: { id: string; title: string; service: string | null; series: string | null; commands: string[]; sources: string[]; hosts?: string[] }[];
  }[];
}

export function toJson(runbook: Runbook): RunbookJson {
  const { plan } = runbook;
  return {
    version: JSON_VERSION,
    from: plan.from.id,
    to: plan.to.id,
    utility: plan.utility,
    services: plan.services.map((s) => s.id),
    stops: plan.stops.map((s) => ({ series: s.at.id, services: s.visits.map((v) => v.service.id), reasons: [...s.reasons] })),
    sections: runbook.sections.map((section) => ({
      id: section.id,
      title: section.title,
      steps: section.steps.map(stepJson),
    })),
  };
}

type StepJson = RunbookJson['sections'][number]['steps'][number];

function stepJson(s: RunbookStep): StepJson {
  return {
    id: s.id,
    title: s.title,
    service: s.service,
    series: s.series,
    commands: [...s.commands],
    sources: [...s.sources],
    ...(s.hosts ? { hosts: [...s.hosts] } : {}),
  };
}

/**
 * `JSON.stringify(toJson(runbook), null, 2)`, byte for byte, with each step's text written once
 * per process: steps are shared between runbooks (plan/step-identity.ts) and make up nearly all
 * of the text. A step sits four levels deep, so its own text is indented by eight spaces; JSON
 * strings hold no raw line breaks, so every line break in it is a line of the layout.
 */
export function renderJsonUtf8(runbook: Runbook): Utf8Text {
  return stage('json', () => {
    // Everything but the sections' contents, ending in `"sections": []\n}`.
    const top = JSON.stringify(toJson({ ...runbook, sections: [] }), null, 2);
    const out = new Utf8Builder().text(top.slice(0, -'[]\n}'.length));
    list(out, runbook.sections, '  ', (section) => {
      out.text(`    {\n      "id": ${JSON.stringify(section.id)},\n      "title": ${JSON.stringify(section.title)},\n      "steps": `);
      list(out, section.steps, '      ', (step) => out.piece(stepBytes(step)));
      out.text('\n    }');
    });
    return out.text('\n}\n').done();
  });
}

/** The same JSON as one string. */
export function renderJson(runbook: Runbook): string {
  return renderJsonUtf8(runbook).toString();
}

/** A JSON array of items that write themselves already indented, its closing bracket at `indent`. */
function list<T>(out: Utf8Builder, items: readonly T[], indent: string, write: (item: T) => void): void {
  if (items.length === 0) {
    out.text('[]');
    return;
  }
  items.forEach((item, i) => {
    out.text(i === 0 ? '[\n' : ',\n');
    write(item);
  });
  out.text(`\n${indent}]`);
}

const STEP_INDENT = ' '.repeat(8);
const stepTexts = new WeakMap<RunbookStep, Uint8Array>();

function stepBytes(step: RunbookStep): Uint8Array {
  let bytes = stepTexts.get(step);
  if (bytes === undefined) {
    // A step built by hand may still change: only shared (frozen) ones are kept.
    if (!isShared(step)) return Buffer.from(stepText(step), 'utf8');
    bytes = written.find(step) ?? ownBytes(stepText(step));
    stepTexts.set(step, bytes);
    written.keep(step, bytes);
  }
  return bytes;
}

function stepText(step: RunbookStep): string {
  return STEP_INDENT + JSON.stringify(stepJson(step), null, 2).replaceAll('\n', `\n${STEP_INDENT}`);
}

// The fields stepJson writes. Steps that differ only in others (a note pointing back to an
// earlier step, a group) have the same JSON: a runbook's referred notes make a new step object
// for every source series, and each would be written afresh.
const written = new KeptByFields<Uint8Array>(['id', 'title', 'service', 'series', 'commands', 'sources', 'hosts']);
