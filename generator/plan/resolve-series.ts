import type { Content, Series } from '../content.ts';
import { PlanError, type RequestField } from './plan-error.ts';

/** The series a user means by a code name or a version, in any case: `ocata`, `Ocata`, `2017.1`. */
export function findSeries(content: Content, input: string): Series | undefined {
  const wanted = input.trim().toLowerCase();
  return content.series.find((s) => s.id === wanted || s.version === wanted || s.name.toLowerCase() === wanted);
}

/** As findSeries, for a request: an unknown series is an error naming the field. */
export function resolveSeries(content: Content, input: string, field: RequestField): Series {
  const found = findSeries(content, input);
  if (!found) {
    const known = content.series.map((s) => `${s.id} (${s.version})`).join(', ');
    throw new PlanError(`Unknown series "${input}" for {${field}}: expected a code name or version, one of: ${known}`);
  }
  return found;
}
