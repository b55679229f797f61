import { z } from 'zod';
import { Id, Sources, Text } from './common.ts';

/** Front matter of `content/series/<series>/<service>.md`: a community note on one series × service. */
export const NoteFrontMatterSchema = z.strictObject({
  service: Id.describe('The service the note is about; equals the file name.'),
  series: Id.describe('The series the note is about; equals the folder name.'),
  title: Text.describe('One line shown in the runbook and on the site.'),
  authors: z.array(z.string().min(1)).default([]).describe('Who wrote it (names or handles).'),
  sources: Sources.describe('Upstream files at a tag, bug reports or mailing-list threads the note relies on.'),
});

export type NoteFrontMatter = z.output<typeof NoteFrontMatterSchema>;

/** A validated note: its front matter and its body as sanitised Markdown. */
export interface CommunityNote extends NoteFrontMatter {
  body: string;
}
