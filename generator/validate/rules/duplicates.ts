import type { Problem } from '../../problem.ts';
import type { Rule } from './rule.ts';

/** Ids must be unique where they are looked up: step ids per file, versions across series. */
export const noDuplicateIds: Rule = ({ series, releases }) => {
  const problems: Problem[] = [];
  const versions = new Map<string, string>();
  for (const { value, file } of series) {
    const other = versions.get(value.version);
    if (other)
      problems.push(file.problem(['version'], 'duplicate-id', `Version "${value.version}" is already used by series "${other}", expected a unique version`));
    else versions.set(value.version, value.id);
  }
  // --from/--to accept an id, a version or a name in any case: each must pick one series only.
  const handles = new Map(
    series.flatMap(({ value }) => [
      [value.id, value.id],
      [value.version, value.id],
    ]),
  );
  for (const { value, file } of series) {
    const other = handles.get(value.name.toLowerCase());
    if (other && other !== value.id)
      problems.push(
        file.problem(['name'], 'duplicate-id', `Name "${value.name}" is the id or version of series "${other}", expected a name that picks only this series`),
      );
  }
  for (const { value, file } of releases) {
    const seen = new Map<string, number>();
    value.steps.forEach((step, i) => {
      const first = seen.get(step.id);
      if (first === undefined) seen.set(step.id, i);
      else
        problems.push(
          file.problem(['steps', i, 'id'], 'duplicate-id', `Step id "${step.id}" is already used by step ${first + 1} of this file, expected a unique id`),
        );
    });
    const required = new Map<string, number>();
    value.blockers.forEach((b, i) => {
      const first = required.get(b.requires);
      if (first === undefined) required.set(b.requires, i);
      else
        problems.push(
          file.problem(
            ['blockers', i, 'requires'],
            'duplicate-id',
            `A blocker on "${b.requires}" already exists (blocker ${first + 1}), expected one blocker per required series: merge their steps`,
          ),
        );
    });
  }
  return problems;
};
