import { z } from 'zod';
import { Id, Sources } from './common.ts';

const UnitName = z.string().regex(/^[A-Za-z0-9@._-]+$/, 'a systemd unit name');

/** A unit, alone or with the series it appeared in or was last shipped in. */
const Unit = z.union([
  UnitName,
  z.strictObject({
    name: UnitName,
    since: Id.optional().describe('First series that ships this unit.'),
    until: Id.optional().describe('Last series that ships it (upstream removed the service after).'),
  }),
]);

const Database = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_]+$/, 'a database name (letters, digits, _)'),
  /** First series that has this database; omitted: since the service's first series. */
  since: Id.optional().describe('First series that has this database; omitted: since the service\'s first series.'),
  /** Last series that has it. */
  until: Id.optional().describe('Last series that has it.'),
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
  /** Python distribution name the utility installs. */
  package: z.string().regex(/^[A-Za-z0-9._-]+$/).describe('Python distribution name the utility installs.'),
  /** Upstream repository, owner/name on opendev.org. */
  repo: z.string().regex(/^[a-z0-9-]+\/[A-Za-z0-9._-]+$/, 'owner/name, e.g. openstack/nova').describe('Upstream repository, owner/name on opendev.org.'),
  /** OS user the service's commands run as (sudo -u). */
  'os-user': z.string().regex(/^[a-z_][a-z0-9_-]*$/).describe('OS user the service\'s commands run as (sudo -u).'),
  /** First series with data for this service. */
  since: Id.describe('First series with data for this service.'),
  /** Last series, when upstream retired the service. */
  until: Id.nullable().default(null).describe('Last series, when upstream retired the service.'),
  databases: z.array(Database).default([]),
  /** Control-plane units stopped before the offline migrations and started after deploy. */
  units: z.array(Unit).min(1).describe('Control-plane units stopped before the offline migrations and started after deploy.'),
  notes: z.array(z.string().min(1)).default([]),
  sources: Sources,
});

export type Service = z.output<typeof ServiceSchema>;
