import { z } from 'zod';
import { OS_IDS } from './os-release.ts';
import { GitRef, Id, Sources } from './common.ts';

const PythonVersion = z.string().regex(/^[23]\.\d+$/, 'a Python version like "2.7" or "3.10" (quoted)');
const OsRelease = z.enum(OS_IDS);
const AptName = z.string().regex(/^[a-z0-9][a-z0-9.+-]+$/, 'a Debian/Ubuntu package name');

export const SeriesStatus = z.enum(['maintained', 'unmaintained', 'end-of-life', 'development', 'future']);

/** `content/series/<id>/series.yaml`: one OpenStack release series. */
export const SeriesSchema = z
  .strictObject({
    /** Lowercase code name; equals the folder name. */
    id: Id.describe('Lowercase code name; equals the folder name.'),
    /** Code name as written in prose, e.g. "Ocata". */
    name: z.string().min(1).describe('Code name as written in prose, e.g. "Ocata".'),
    /** year.half, e.g. "2017.1"; quoted so YAML keeps it a string. */
    version: z
      .string()
      .regex(/^20\d\d\.[12]$/, 'a version like "2017.1" (quoted)')
      .describe('year.half, e.g. "2017.1"; quoted so YAML keeps it a string.'),
    /** Initial release date. */
    released: z
      .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2017-02-22')])
      .transform((d) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10))),
    /** Skip-level upgrade release: a SLURP series can be upgraded to the next SLURP directly. */
    slurp: z.boolean().describe('Skip-level upgrade release: a SLURP series can be upgraded to the next SLURP directly.'),
    status: SeriesStatus,
    /** Git ref of the service repositories the utility installs (a tag like `ocata-eol`). */
    'code-ref': GitRef.describe('Git ref of the service repositories the utility installs (a tag like `ocata-eol`).'),
    /** Git ref of openstack/requirements whose upper-constraints.txt pins the utility; null when none exists. */
    'constraints-ref': GitRef.nullable().describe('Git ref of openstack/requirements whose upper-constraints.txt pins the utility; null when none exists.'),
    /** Python interpreter version the utility is built with, e.g. "2.7" or "3.8". */
    python: PythonVersion.describe('Python interpreter version the utility is built with, e.g. "2.7" or "3.8".'),
    /** Python database drivers the utility installs: MySQL-python as well where that series' configs may use `mysql://`. */
    'db-drivers': z
      .array(z.string().regex(/^[A-Za-z0-9._-]+$/, 'a Python distribution name'))
      .min(1)
      .default(['PyMySQL'])
      .describe("Python database drivers the utility installs, e.g. [PyMySQL, MySQL-python] where the series' configs may use mysql:// (MySQLdb)."),
    /** How its hosts start and stop services: `service` where they may run upstart (Ubuntu 14.04 up to Mitaka). */
    'init-command': z
      .enum(['systemctl', 'service'])
      .default('systemctl')
      .describe(
        'How its hosts start and stop services: systemctl, or service where they may run upstart (Ubuntu 14.04, up to Mitaka); service works under systemd too.',
      ),
    /** What the series is tested on: governance reference/runtimes/<series>.rst from Stein on, nova's setup.cfg before. */
    runtimes: z
      .strictObject({
        python: z.array(PythonVersion).min(1).describe("Python versions the series tests (governance runtimes; before Stein, nova's setup.cfg classifiers)."),
        os: z.array(OsRelease).min(1).describe('The deb-based OS releases it supports, preferred first.'),
      })
      .optional()
      .describe(
        'Python versions and OS releases the series supports: the utility picks its Python and host from these. Omitted: its python alone, no OS recorded.',
      ),
    /** Distribution package sources that ship the series. */
    packages: z
      .array(
        z.strictObject({
          os: OsRelease,
          source: z
            .string()
            .regex(/^(distro|cloud-archive:[a-z]+)$/, "distro (the release's own archive) or cloud-archive:<series>")
            .describe("distro: the release's own archive; cloud-archive:<series>: an Ubuntu Cloud Archive pocket."),
          services: z.array(Id).min(1).optional().describe('Only these services are this series there (Debian forky mixes series); omitted: all.'),
        }),
      )
      .default([])
      .describe('Where distribution packages of this series exist: the container utility installs them where Leapfrog verified their names (Debian).'),
    /** apt packages a venv of this series needs to build its C extensions. */
    'build-deps': z
      .array(AptName)
      .default([])
      .describe("apt packages the venv needs to build (devstack files/debs at the series' tag): the MySQL client headers are added per OS."),
    /** Free-form notes on the series itself. */
    notes: z.array(z.string().min(1)).default([]).describe('Free-form notes on the series itself.'),
    sources: Sources,
  })
  .superRefine((series, ctx) => {
    // The venv's Python is picked among the tested ones; a default outside them is a typo.
    if (series.runtimes && !series.runtimes.python.includes(series.python)) {
      ctx.addIssue({
        code: 'custom',
        path: ['python'],
        message: `Python ${series.python} is not one of runtimes.python (${series.runtimes.python.join(', ')}): pick a tested one`,
        input: series.python,
      });
    }
    series.packages.forEach((p, i) => {
      if (p.source.startsWith('cloud-archive:') && !p.os.startsWith('ubuntu-')) {
        ctx.addIssue({
          code: 'custom',
          path: ['packages', i, 'source'],
          message: `${p.source} is an Ubuntu Cloud Archive pocket, but ${p.os} is not Ubuntu`,
          input: p.source,
        });
      }
    });
  })
  .transform((series) => ({ ...series, runtimes: series.runtimes ?? { python: [series.python], os: [] } }));

export type Series = z.output<typeof SeriesSchema>;
