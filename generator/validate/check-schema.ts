import type { z } from 'zod';
import type { YamlFile } from '../load/yaml-file.ts';
import type { Problem } from '../problem.ts';
import { zodProblems } from './zod-problems.ts';

/** A validated value and the file it came from (for positioned messages). */
export interface Entry<T> {
  value: T;
  file: YamlFile;
}

/** Structural check of one kind of file: typed entries for the valid ones, problems for the rest. */
export function checkSchema<S extends z.ZodType>(files: YamlFile[], schema: S): { entries: Entry<z.output<S>>[]; problems: Problem[] } {
  const entries: Entry<z.output<S>>[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const result = schema.safeParse(file.data, { reportInput: true });
    if (result.success) entries.push({ value: result.data, file });
    else problems.push(...zodProblems(file, schema, result.error.issues));
  }
  return { entries, problems };
}
