import { z } from 'zod';
import { Id, Sources } from './common.ts';

const Database = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_]+$/, 'a database name (letters, digits, _)'),
  /** First series that has this database; omitted: since the service's first series. */
  since: Id.optional(),
  /** Last series that has it. */
  until: Id.optional(),
});

/** `content/services/<id>.yaml`: one OpenStack service. */
export const ServiceSchema = z.strictObject({
  /** Equals the file name. */
  id: Id,
  name: z.string().min(1),
  /** Migration order across services: lower runs first (keystone before nova). */
  order: z.number().int().min(0),
  /** Python distribution name the utility installs. */
  package: z.string().regex(/^[A-Za-z0-9._-]+$/),
  /** Upstream repository, owner/name on opendev.org. */
  repo: z.string().regex(/^[a-z0-9-]+\/[A-Za-z0-9._-]+$/, 'owner/name, e.g. openstack/nova'),
  /** OS user the service's commands run as (sudo -u). */
  'os-user': z.string().regex(/^[a-z_][a-z0-9_-]*$/),
  /** First series with data for this service. */
  since: Id,
  /** Last series, when upstream retired the service. */
  until: Id.nullable().default(null),
  databases: z.array(Database).default([]),
  /** Control-plane units stopped before the offline migrations and started after deploy. */
  units: z.array(z.string().regex(/^[A-Za-z0-9@._-]+$/, 'a systemd unit name')).min(1),
  notes: z.array(z.string().min(1)).default([]),
  sources: Sources,
});

export type Service = z.output<typeof ServiceSchema>;
