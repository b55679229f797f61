import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const CHECKOUT = fileURLToPath(new URL('../..', import.meta.url));
/** Which series each Debian suite ships, per service (--record rewrites it). */
export const SHIPPED_RECORD = fileURLToPath(new URL('./debian-series.json', import.meta.url));

export const REHEARSE_USAGE = `Usage:
  leapfrog rehearse --from <series> --to <series> [--services a,b] [--fewest-stops] [--db mysql://USER:PASSWORD@HOST:PORT] [--replace]
  leapfrog rehearse --from <series> --to <series> --dump FILE [--services a,b] [--db URL] [--replace]
  leapfrog rehearse --all [--db URL] [--replace] [--record] [--containerfiles a,b]
  leapfrog rehearse --containerfiles-only [--suites a,b] [--services a,b] [--jobs N]
Runs the runbook's database steps with Debian's packages of each series (debootstrap roots, run with chroot;
root needed) against scratch databases named leapfrog_rehearse_* on the --db server, which must be one you
own. Without --db, Debian's MariaDB is started on 127.0.0.1 for the run. --replace drops leftover
leapfrog_rehearse_* databases first. --all: every pair and policy whose stops Debian ships, then the
Containerfiles of Debian's packages the runbooks print for the --containerfiles services (default keystone),
in every suite, built in a chroot and asked their manage command's version (--containerfiles-only: every
service's, or those of --suites/--services; report in dist/rehearse/containerfiles.json).
--dump FILE: start from your own databases instead of seeded ones: FILE is the output of
  mysqldump --databases <names> (--set-gtid-purged=OFF on MySQL), with upstream's default database
  names only (nova nova_api nova_cell0 keystone glance cinder neutron heat placement ironic); each is
  restored into its leapfrog_rehearse_* database, nova's cell mappings are pointed at those, and
  the services whose databases the dump holds are rehearsed. A dump with anything but tables and
  rows of those databases (the mysql schema, users, GRANTs, views, triggers, routines, global
  settings, client commands) is refused before anything runs.
Ctrl-C or SIGTERM: the steps stop, the scratch databases this run created are dropped, its MariaDB stops.
Report: dist/rehearse/report.json (--out FILE); roots are cached in ~/.cache/leapfrog/rehearse (--cache DIR or LEAPFROG_REHEARSE_CACHE).`;

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  services: { type: 'string' },
  'fewest-stops': { type: 'boolean', default: false },
  all: { type: 'boolean', default: false },
  db: { type: 'string' },
  dump: { type: 'string' },
  replace: { type: 'boolean', default: false },
  record: { type: 'boolean', default: false },
  'roots-only': { type: 'boolean', default: false },
  'containerfiles-only': { type: 'boolean', default: false },
  containerfiles: { type: 'string', default: 'keystone' },
  suites: { type: 'string' },
  jobs: { type: 'string', default: '1' },
  worker: { type: 'boolean', default: false },
  'controls-only': { type: 'boolean', default: false },
  cache: { type: 'string' },
  out: { type: 'string' },
  content: { type: 'string' },
  port: { type: 'string', default: '13306' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export type RehearseValues = ReturnType<typeof parseRehearseArgs>;

export function parseRehearseArgs(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, strict: true }).values;
}

/** A comma-separated option as its items (`--services a, b` too); undefined when not given. */
export function listOption(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Where the report and messages go (process.stdout and stderr, or a test's sink). */
export type Output = { write(text: string): unknown };
