import { z } from 'zod';
import { Id, Sources } from './common.ts';

const UnitName = z.string().regex(/^[A-Za-z0-9@._-]+$/, 'a systemd unit name');

/** The kinds of host a unit runs on; stop and start steps say which hosts they run on. */
export const Role = z.enum(['controller', 'compute', 'network', 'storage', 'bare-metal']);
export type Role = z.output<typeof Role>;

/** A unit, alone (a controller daemon shipped for the service's whole life) or with its details. */
const Unit = z.union([
  UnitName,
  z.strictObject({
    name: UnitName,
    since: Id.optional().describe('First series that ships this unit.'),
    until: Id.optional().describe('Last series that may run it: a source at or before it stops it.'),
    'start-until': Id.optional().describe(
      'Last series whose deploy starts it, when upstream wants it off before it is gone (nova-placement-api once placement is split out).',
    ),
    role: Role.default('controller').describe('The hosts it runs on.'),
    optional: z
      .boolean()
      .default(false)
      .describe('Deployments may not run it (a console proxy): it gets its own stop and start command, so a "not loaded" answer for it stops nothing else.'),
    'start-order': z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        "Start order among the data-plane units of its kind of host, when it must start before others (L2 agents before nova-compute); default: the service's.",
      ),
    notes: z.array(z.string().min(1)).default([]).describe("What stopping it leaves running and what it stops, for the operator; cited by the unit's sources."),
    'start-notes': z
      .array(z.string().min(1))
      .default([])
      .describe("What starting it does to traffic that kept running (an agent re-installing flows), for the operator; cited by the unit's sources."),
    sources: Sources.optional().describe("Where its name, hosts or web serving come from, when the service's sources do not say."),
    wsgi: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, 'a WSGI site name')
      .optional()
      .describe(
        "Set when the unit is a shared web server serving this service's API as a WSGI site of this name: it is stopped and started once for every service it carries.",
      ),
  }),
]);

const Database = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_]+$/, 'a database name (letters, digits, _)'),
  /** First series that has this database; omitted: since the service's first series. */
  since: Id.optional().describe("First series that has this database; omitted: since the service's first series."),
  /** Last series that has it. */
  until: Id.optional().describe('Last series that has it.'),
  /** Last series at which a cloud may not have it yet (nova_cell0 was optional in Newton). */
  'optional-until': Id.optional().describe('Last series at which a cloud may not have created it yet (nova_cell0 in Newton): backups check it exists first.'),
});

/** A directory of keys the service keeps outside its database (keystone's fernet and credential keys). */
const KeyRepository = z.strictObject({
  path: z
    .string()
    .regex(/^\/[A-Za-z0-9._/-]+[^/]$/, 'an absolute directory path, without a trailing slash')
    .describe('Its default location on the hosts.'),
  option: z.string().min(1).describe('The configuration option that moves it, e.g. [fernet_tokens] key_repository.'),
  since: Id.describe('First series whose code can use it.'),
  setup: z
    .string()
    .regex(/^[a-z_]+$/)
    .describe("The subcommand of the service's manage tool that creates it (fernet_setup): a stop running it creates the repository when the source had none."),
  sources: Sources,
});

/** `content/services/<id>.yaml`: one OpenStack service. */
export const ServiceSchema = z.strictObject({
  /** Equals the file name. */
  id: Id.describe('Equals the file name.'),
  name: z.string().min(1),
  /** Migration order across services: lower runs first (keystone before nova). */
  order: z.number().int().min(0).describe('Migration order across services: lower runs first (keystone before nova).'),
  /** Start order after deploy, when it differs from the migration order (placement before nova). */
  'start-order': z.number().int().min(0).optional().describe('Start order after deploy, when it differs from the migration order (placement before nova).'),
  /** Earlier distribution names, with the last series that used each (heat was `heat` until Queens). */
  'former-packages': z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Za-z0-9._-]+$/),
        until: Id.describe('Last series whose setup.cfg has this name.'),
      }),
    )
    .default([])
    .describe('Earlier distribution names, with the last series that used each: pip refuses a git requirement whose name differs from the built metadata.'),
  /** Python distribution name the utility installs. */
  package: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .describe('Python distribution name the utility installs.'),
  /** Debian packages holding the service's offline tools (keystone-manage is in python3-keystone, nova-manage in nova-common). */
  'debian-packages': z
    .array(z.string().regex(/^[a-z0-9][a-z0-9.+-]+$/, 'a Debian package name'))
    .min(1)
    .optional()
    .describe(
      'Debian packages that hold its offline tools (checked in the package contents): the container utility installs them where Debian ships the series.',
    ),
  /** Upstream repository, owner/name on opendev.org. */
  repo: z
    .string()
    .regex(/^[a-z0-9-]+\/[A-Za-z0-9._-]+$/, 'owner/name, e.g. openstack/nova')
    .describe('Upstream repository, owner/name on opendev.org.'),
  /** OS user the service's commands run as (sudo -u). */
  'os-user': z
    .string()
    .regex(/^[a-z_][a-z0-9_-]*$/)
    .describe("OS user the service's commands run as (sudo -u)."),
  /** First series with data for this service. */
  since: Id.describe('First series with data for this service.'),
  /** Last series, when upstream retired the service. */
  until: Id.nullable().default(null).describe('Last series, when upstream retired the service.'),
  databases: z.array(Database).default([]),
  'key-repositories': z
    .array(KeyRepository)
    .default([])
    .describe('Key directories kept outside the database: backed up with the dumps where a stop may create or change them, restored on roll back.'),
  /** Units stopped before the offline migrations and started after deploy, with the hosts they run on. */
  units: z.array(Unit).min(1).describe('Units stopped before the offline migrations and started after deploy, with the hosts they run on.'),
  notes: z.array(z.string().min(1)).default([]),
  sources: Sources,
});

export type Service = z.output<typeof ServiceSchema>;
export type ServiceUnit = Exclude<Service['units'][number], string>;
export type ServiceDatabase = Service['databases'][number];
export type KeyRepository = Service['key-repositories'][number];
