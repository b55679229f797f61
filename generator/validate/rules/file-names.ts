import { basename, dirname } from 'node:path';
import type { Rule } from './rule.ts';

/** The id inside a file must match where the file lives, or links and lookups silently miss. */
export const fileNamesMatchIds: Rule = ({ series, services, releases }) => {
  const problems = [];
  for (const { value, file } of services) {
    const expected = stem(file.file);
    if (value.id !== expected)
      problems.push(file.problem(['id'], 'id-mismatch', `Service id "${value.id}" does not match its file name, expected "${expected}"`));
  }
  for (const { value, file } of series) {
    const expected = basename(dirname(file.file));
    if (value.id !== expected) problems.push(file.problem(['id'], 'id-mismatch', `Series id "${value.id}" does not match its folder, expected "${expected}"`));
  }
  for (const { value, file } of releases) {
    const folder = basename(dirname(file.file));
    if (value.series !== folder)
      problems.push(file.problem(['series'], 'id-mismatch', `Series "${value.series}" does not match the folder, expected "${folder}"`));
    if (value.service !== stem(file.file))
      problems.push(file.problem(['service'], 'id-mismatch', `Service "${value.service}" does not match the file name, expected "${stem(file.file)}"`));
  }
  return problems;
};

function stem(path: string): string {
  return basename(path).replace(/\.ya?ml$/, '');
}
