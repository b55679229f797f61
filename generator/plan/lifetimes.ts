import type { Content, Series, Service } from '../content.ts';
import type { Role, ServiceDatabase, ServiceUnit } from '../schema/service.ts';

/** A unit as the planner sees it: always an object, with its role. */
export type Unit = ServiceUnit;

function normalise(unit: Service['units'][number]): Unit {
  return typeof unit === 'string' ? { name: unit, role: 'controller', optional: false, notes: [], 'start-notes': [] } : unit;
}

/** Whether `series` falls within since..until (both optional, inclusive). */
function within(content: Content, series: Series, since: string | undefined, until: string | null | undefined): boolean {
  const at = content.indexOf(series.id);
  return (!since || content.indexOf(since) <= at) && (!until || content.indexOf(until) >= at);
}

/** Whether the service exists at all at a series. */
export function livesAt(content: Content, service: Service, series: Series): boolean {
  return within(content, series, service.since, service.until);
}

/**
 * Units the service runs at a series (nova-consoleauth is gone from Train on). `start`: only those
 * a deploy of that series starts; a unit past its `start-until` may still run on an older cloud.
 */
export function unitsAt(content: Content, service: Service, series: Series, purpose: 'run' | 'start' = 'run'): Unit[] {
  if (!livesAt(content, service, series)) return [];
  return service.units
    .map(normalise)
    .filter((u) => within(content, series, u.since, u.until))
    .filter((u) => purpose === 'run' || within(content, series, undefined, u['start-until']));
}

/** Databases the service has at a series (some appear later, e.g. nova_api in Mitaka). */
export function databasesAt(content: Content, service: Service, series: Series): ServiceDatabase[] {
  if (!livesAt(content, service, series)) return [];
  return service.databases.filter((d) => within(content, series, d.since, d.until));
}

/** A database a cloud at this series may not have created yet (nova_cell0 at Newton). */
export function mayBeMissing(content: Content, database: ServiceDatabase, series: Series): boolean {
  return database['optional-until'] !== undefined && content.indexOf(series.id) <= content.indexOf(database['optional-until']);
}

/**
 * Services stopped for the offline migrations: those the source runs that have a database.
 * Horizon has none: it keeps running, unless its web server is stopped for another service.
 */
export function stoppedForMigrations(content: Content, service: Service, from: Series): boolean {
  return content.indexOf(service.since) <= content.indexOf(from.id) && databasesAt(content, service, from).length > 0;
}

/** Control-plane hosts are stopped and started with their services; the others form the data plane. */
export const DATA_PLANE: readonly Role[] = ['network', 'storage', 'bare-metal', 'compute'];

export const ROLE_HOSTS: Record<Role, string> = {
  controller: 'every controller',
  compute: 'every compute node',
  network: "every network node (the controllers, in upstream's install guide)",
  storage: 'every storage node',
  'bare-metal': 'every bare metal conductor host',
};

/** Plural names for lists ("Hosts it runs on: controllers, storage nodes"). */
export const ROLE_NAMES: Record<Role, string> = {
  controller: 'controllers',
  compute: 'compute nodes',
  network: 'network nodes',
  storage: 'storage nodes',
  'bare-metal': 'bare metal conductor hosts',
};

/** The distribution name the service's setup.cfg has at a series (pip checks it against the requirement). */
export function packageAt(content: Content, service: Service, series: Series): string {
  const former = service['former-packages']
    .filter((p) => content.indexOf(series.id) <= content.indexOf(p.until))
    .sort((a, b) => content.indexOf(a.until) - content.indexOf(b.until));
  return former[0]?.name ?? service.package;
}
