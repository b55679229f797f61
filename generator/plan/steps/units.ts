import type { Content, Series, Service } from '../../content.ts';
import type { Role } from '../../schema/service.ts';
import { DATA_PLANE, ROLE_HOSTS, unitsAt, type Unit } from '../lifetimes.ts';
import type { RunbookStep } from '../runbook-model.ts';
import { SOURCES } from './sources.ts';
import { roleStepId } from '../step-id.ts';
import { byArguments } from '../../text/argument-memo.ts';
import { sameStep } from '../step-identity.ts';

type Verb = 'stop' | 'start' | 'restart';

/** A shared web server (apache2) and the WSGI sites it serves for the given services. */
export interface WebServer {
  unit: string;
  sites: { service: Service; site: string; sources: string[] }[];
}

/**
 * `systemctl <verb> <units>`, or one `service <unit> <verb>` per unit on series whose hosts may
 * run upstart (no systemctl there); no command when there is no unit.
 */
export function initCommands(series: Series, verb: Verb, units: string[]): string[] {
  if (units.length === 0) return [];
  return series['init-command'] === 'service' ? units.map((u) => `service ${u} ${verb}`) : [`systemctl ${verb} ${units.join(' ')}`];
}

/** Shared web servers the services run at a series, each with the sites it serves there. */
export function webServers(content: Content, services: Service[], series: Series, purpose: 'run' | 'start'): WebServer[] {
  const byUnit = new Map<string, WebServer>();
  for (const service of services) {
    for (const unit of unitsAt(content, service, series, purpose)) {
      if (!unit.wsgi) continue;
      const server = byUnit.get(unit.name) ?? { unit: unit.name, sites: [] };
      server.sites.push({ service, site: unit.wsgi, sources: unit.sources ?? service.sources });
      byUnit.set(unit.name, server);
    }
  }
  return [...byUnit.values()];
}

/** Whether the service's API is a site of a shared web server at that series. */
export function webServed(content: Content, service: Service, series: Series): boolean {
  return unitsAt(content, service, series, 'start').some((u) => u.wsgi);
}

const VERB_TITLE: Record<Verb, string> = { stop: 'Stop', start: 'Start', restart: 'Restart' };

/** One step for the web servers: stopping one stops every site on it, so it is done once. */
export function webServerStep(id: string, verb: Verb, servers: WebServer[], series: Series, group: string): RunbookStep[] {
  if (servers.length === 0) return [];
  const units = servers.map((s) => s.unit);
  const names = [...new Set(servers.flatMap((s) => s.sites.map((x) => x.service.name)))];
  const serves = names.length ? `serves ${names.join(', ')}` : 'serves the sites of services not selected here';
  return [
    {
      id,
      title: `${VERB_TITLE[verb]} the web server (${units.join(', ')}) that ${serves}`,
      service: null,
      series: null,
      commands: initCommands(series, verb, units),
      hosts: ['controller'],
      sources: [...new Set([...servers.flatMap((s) => s.sites.flatMap((x) => x.sources)), SOURCES.systemctl])],
      notes: [
        ...servers
          .filter((s) => s.sites.length)
          .map(
            (s) => `At ${series.name}, ${s.unit} serves these WSGI sites on Ubuntu/Debian: ${s.sites.map((x) => `${x.site} (${x.service.name})`).join(', ')}.`,
          ),
        `Run it on ${ROLE_HOSTS.controller} that hosts these sites. It acts on every site the web server hosts, including any not listed here (RDO and CentOS name the unit httpd).`,
      ],
      group,
    },
  ];
}

/** The service's own units on one kind of host. */
export interface UnitGroup {
  role: Role;
  units: Unit[];
}

/** The service's own units (not a shared web server), per kind of host, in a stable role order. */
export function ownUnits(content: Content, service: Service, series: Series, purpose: 'run' | 'start'): UnitGroup[] {
  return unitGroups(content, service, series, purpose);
}

// One object per group, so unitSteps can share its steps by the group (step-identity.ts).
const unitGroups = byArguments((content: Content, service: Service, series: Series, purpose: 'run' | 'start'): UnitGroup[] => {
  const byRole = new Map<Role, Unit[]>();
  for (const unit of unitsAt(content, service, series, purpose)) {
    if (unit.wsgi) continue;
    byRole.set(unit.role, [...(byRole.get(unit.role) ?? []), unit]);
  }
  return (Object.keys(ROLE_HOSTS) as Role[]).flatMap((role) => {
    const units = byRole.get(role);
    return units ? [{ role, units }] : [];
  });
});

/**
 * One step per kind of host for the service's own units: `<base>` for controllers and
 * `<base>.<role>` elsewhere, so each step's commands run on one kind of host. A stop step says
 * what stopping those units leaves running; a start step, what starting them does to it.
 */
export function unitSteps(
  base: string,
  verb: Verb,
  service: Service,
  groups: UnitGroup[],
  series: Series,
  extra: Pick<RunbookStep, 'group'> & Partial<Pick<RunbookStep, 'series' | 'notes'>>,
): RunbookStep[] {
  return groups.map((group) => unitStep(base, verb, service, group, series, extra.group, extra.series, ...(extra.notes ?? [])));
}

const unitStep = sameStep(
  (
    base: string,
    verb: Verb,
    service: Service,
    { role, units }: UnitGroup,
    series: Series,
    group: string | undefined,
    runs: string | null | undefined,
    ...notes: string[]
  ): RunbookStep => ({
    id: roleStepId(base, role),
    title: `${VERB_TITLE[verb]} the ${service.name} services on ${ROLE_HOSTS[role]}`,
    service: service.id,
    series: runs ?? null,
    // Each unit a deployment may not run gets its own command: its "not loaded" stops nothing else.
    commands: [
      ...initCommands(
        series,
        verb,
        units.filter((u) => !u.optional).map((u) => u.name),
      ),
      ...units.filter((u) => u.optional).flatMap((u) => initCommands(series, verb, [u.name])),
    ],
    sources: [...new Set([...service.sources, ...units.flatMap((u) => u.sources ?? []), SOURCES.systemctl])],
    hosts: [role],
    group,
    notes: [...units.flatMap((u) => (verb === 'stop' ? u.notes : u['start-notes'])), ...notes],
  }),
);

/** Data-plane groups in the order they come back: by kind of host, then the units' start order. */
export function inDataPlaneOrder<T extends { service: Service; group: UnitGroup }>(items: T[]): T[] {
  const rank = (x: T) => x.group.units[0]?.['start-order'] ?? x.service['start-order'] ?? x.service.order;
  return [...items].sort((a, b) => DATA_PLANE.indexOf(a.group.role) - DATA_PLANE.indexOf(b.group.role) || rank(a) - rank(b));
}
