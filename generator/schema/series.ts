import { z } from 'zod';
import { Id, Sources } from './common.ts';

export const SeriesStatus = z.enum(['maintained', 'unmaintained', 'end-of-life', 'development', 'future']);

/** `content/series/<id>/series.yaml`: one OpenStack release series. */
export const SeriesSchema = z.strictObject({
  /** Lowercase code name; equals the folder name. */
  id: Id,
  /** Code name as written in prose, e.g. "Ocata". */
  name: z.string().min(1),
  /** year.half, e.g. "2017.1"; quoted so YAML keeps it a string. */
  version: z.string().regex(/^20\d\d\.[12]$/, 'a version like "2017.1" (quoted)'),
  /** Initial release date. */
  released: z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2017-02-22')]).transform((d) =>
    typeof d === 'string' ? d : d.toISOString().slice(0, 10),
  ),
  /** Skip-level upgrade release: a SLURP series can be upgraded to the next SLURP directly. */
  slurp: z.boolean(),
  status: SeriesStatus,
  /** Git ref of the service repositories the utility installs (a tag like `ocata-eol`). */
  'code-ref': z.string().min(1),
  /** Git ref of openstack/requirements whose upper-constraints.txt pins the utility; null when none exists. */
  'constraints-ref': z.string().min(1).nullable(),
  /** Python interpreter version the utility is built with, e.g. "2.7" or "3.8". */
  python: z.string().regex(/^[23]\.\d+$/, 'a Python version like "2.7" or "3.10" (quoted)'),
  /** Free-form notes on the series itself. */
  notes: z.array(z.string().min(1)).default([]),
  sources: Sources,
});

export type Series = z.output<typeof SeriesSchema>;
