import { basename, dirname } from 'node:path';
import { Content } from '../content.ts';
import type { RawContent } from '../load/read-content.ts';
import { ReleaseSchema } from '../schema/release.ts';
import { SeriesSchema } from '../schema/series.ts';
import { ServiceSchema } from '../schema/service.ts';
import { checkNote } from './check-notes.ts';
import { checkSchema } from './check-schema.ts';
import { unsafeTextInFile, unsafeTextInYaml } from './safe-text.ts';
import { sortProblems, type Problem } from '../problem.ts';
import { everySeriesCovered } from './rules/coverage.ts';
import { noDuplicateIds } from './rules/duplicates.ts';
import { fileNamesMatchIds } from './rules/file-names.ts';
import { constraintsPointBack } from './rules/ordering.ts';
import { noRawHtml } from './rules/no-raw-html.ts';
import { stepsAreActionable } from './rules/phases.ts';
import { referencesExist } from './rules/references.ts';
import { lifespansInOrder } from './rules/lifespans.ts';
import { utilityCommandsAreTools } from './rules/utility-commands.ts';
import type { Rule } from './rules/rule.ts';
import { sourcesArePinned } from './rules/sources-pinned.ts';

/** Semantic rules, in the order their messages are most useful. */
export const RULES: readonly Rule[] = [
  fileNamesMatchIds,
  referencesExist,
  noDuplicateIds,
  everySeriesCovered,
  constraintsPointBack,
  stepsAreActionable,
  utilityCommandsAreTools,
  lifespansInOrder,
  sourcesArePinned,
  noRawHtml,
];

export interface Validated {
  content: Content;
  problems: Problem[];
}

/** Schema check of every file, then every semantic rule: all problems at once, in a stable order. */
export function validateContent(raw: RawContent): Validated {
  const series = checkSchema(raw.series, SeriesSchema);
  const services = checkSchema(raw.services, ServiceSchema);
  const releases = checkSchema(raw.releases, ReleaseSchema);
  const notes = raw.notes.map((n) => checkNote(n.file, n.text));
  const content = new Content(
    series.entries.map((e) => e.value),
    services.entries.map((e) => e.value),
    releases.entries.map((e) => e.value),
    notes.flatMap((n) => (n.note ? [n.note] : [])),
  );
  const declared = declaredIds(raw);
  const ctx = { series: series.entries, services: services.entries, releases: releases.entries, content, declared };
  const problems = [...raw.problems, ...series.problems, ...services.problems, ...releases.problems, ...notes.flatMap((n) => n.problems)];
  for (const note of content.notesList()) {
    if (!declared.releases.has(`${note.series}/${note.service}`)) {
      const file = raw.notes.find((n) => n.file.endsWith(`${note.series}/${note.service}.md`))!.file;
      problems.push({
        file,
        line: 1,
        column: 1,
        ruleId: 'note-orphan',
        message: `Note on ${note.service} at ${note.series}, but content/series/${note.series}/${note.service}.yaml does not exist: expected a note beside its series × service file`,
      });
    }
  }
  for (const file of [...raw.series, ...raw.services, ...raw.releases]) problems.push(...unsafeTextInYaml(file));
  for (const note of raw.notes) problems.push(...unsafeTextInFile(note.file, note.text));
  for (const rule of RULES) problems.push(...rule(ctx));
  return { content, problems: sortProblems(problems) };
}

function declaredIds(raw: RawContent) {
  const stem = (f: string) => basename(f).replace(/\.ya?ml$/, '');
  const folder = (f: string) => basename(dirname(f));
  return {
    series: new Set(raw.found.series.map(folder)),
    services: new Set(raw.found.services.map(stem)),
    releases: new Set(raw.found.releases.map((f) => `${folder(f)}/${stem(f)}`)),
  };
}
