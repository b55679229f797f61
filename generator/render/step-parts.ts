import type { RunbookStep } from '../plan/runbook-model.ts';
import { sameValues } from '../plan/step-identity.ts';
import { isSharedView } from './view-model.ts';

interface Written {
  view: RunbookStep;
  text: string;
}

const PER_ID = 8;

/**
 * A part of a step's template, its text kept by the fields it reads: a shared step's view that
 * agrees with one written before (same id) on those fields gets that text. Views of steps built
 * by hand may change and are written every time.
 */
export function memoByFields(partial: HandlebarsTemplateDelegate, fields: readonly string[]): HandlebarsTemplateDelegate {
  const written = new Map<string, Written[]>();
  return (context, options) => {
    if (!isSharedView(context)) return partial(context, options);
    const view = context as RunbookStep;
    let known = written.get(view.id);
    const hit = known?.findLast((w) => sameValues(w.view, view, fields));
    if (hit) return hit.text;
    const text = partial(context, options);
    if (!known) {
      known = [];
      written.set(view.id, known);
    }
    if (known.length === PER_ID) known.shift();
    known.push({ view, text });
    return text;
  };
}
