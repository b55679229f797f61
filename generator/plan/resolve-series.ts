import type { Content, Series } from '../content.ts';
import { PlanError, type RequestField } from './plan-error.ts';

/** Accepts a code name or a version, in any case: `ocata`, `Ocata`, `2017.1`. */
export function resolveSeries(content: Content, input: string, field: RequestField): Series {
  const wanted = input.trim().toLowerCase();
  const found = content.series.find((s) => s.id === wanted || s.version === wanted || s.name.toLowerCase() === wanted);
  if (!found) {
    const known = content.series.map((s) => `${s.id} (${s.version})`).join(', ');
    throw new PlanError(`Unknown series "${input}" for {${field}}: expected a code name or version, one of: ${known}`);
  }
  return found;
}
