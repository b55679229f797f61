import { z } from 'zod';
import { GitRef, Id, Sources } from './common.ts';

export const SeriesStatus = z.enum(['maintained', 'unmaintained', 'end-of-life', 'development', 'future']);

/** `content/series/<id>/series.yaml`: one OpenStack release series. */
export const SeriesSchema = z.strictObject({
  /** Lowercase code name; equals the folder name. */
  id: Id.describe('Lowercase code name; equals the folder name.'),
  /** Code name as written in prose, e.g. "Ocata". */
  name: z.string().min(1).describe('Code name as written in prose, e.g. "Ocata".'),
  /** year.half, e.g. "2017.1"; quoted so YAML keeps it a string. */
  version: z.string().regex(/^20\d\d\.[12]$/, 'a version like "2017.1" (quoted)').describe('year.half, e.g. "2017.1"; quoted so YAML keeps it a string.'),
  /** Initial release date. */
  released: z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2017-02-22')]).transform((d) =>
    typeof d === 'string' ? d : d.toISOString().slice(0, 10),
  ),
  /** Skip-level upgrade release: a SLURP series can be upgraded to the next SLURP directly. */
  slurp: z.boolean().describe('Skip-level upgrade release: a SLURP series can be upgraded to the next SLURP directly.'),
  status: SeriesStatus,
  /** Git ref of the service repositories the utility installs (a tag like `ocata-eol`). */
  'code-ref': GitRef.describe('Git ref of the service repositories the utility installs (a tag like `ocata-eol`).'),
  /** Git ref of openstack/requirements whose upper-constraints.txt pins the utility; null when none exists. */
  'constraints-ref': GitRef.nullable().describe('Git ref of openstack/requirements whose upper-constraints.txt pins the utility; null when none exists.'),
  /** Python interpreter version the utility is built with, e.g. "2.7" or "3.8". */
  python: z.string().regex(/^[23]\.\d+$/, 'a Python version like "2.7" or "3.10" (quoted)').describe('Python interpreter version the utility is built with, e.g. "2.7" or "3.8".'),
  /** Python database drivers the utility installs: MySQL-python as well where that series' configs may use `mysql://`. */
  'db-drivers': z.array(z.string().regex(/^[A-Za-z0-9._-]+$/, 'a Python distribution name')).min(1).default(['PyMySQL']).describe('Python database drivers the utility installs, e.g. [PyMySQL, MySQL-python] where the series\' configs may use mysql:// (MySQLdb).'),
  /** How its hosts start and stop services: `service` where they may run upstart (Ubuntu 14.04 up to Mitaka). */
  'init-command': z.enum(['systemctl', 'service']).default('systemctl').describe('How its hosts start and stop services: systemctl, or service where they may run upstart (Ubuntu 14.04, up to Mitaka); service works under systemd too.'),
  /** Free-form notes on the series itself. */
  notes: z.array(z.string().min(1)).default([]).describe('Free-form notes on the series itself.'),
  sources: Sources,
});

export type Series = z.output<typeof SeriesSchema>;
