import type { Content, Series, Service } from '../content.ts';
import { PlanError } from './plan-error.ts';
import type { Plan, ServicePath, Stop } from './plan-model.ts';
import type { Policy } from './policy.ts';
import { planService } from './plan-service.ts';
import { resolveSeries } from './resolve-series.ts';
import type { UtilityMethod } from './utility/method.ts';

export interface PlanRequest {
  from: string;
  to: string;
  /** Service ids; empty or omitted: every service that exists at the target. */
  services?: string[];
  fewestStops?: boolean;
  /** How utilities are built; default venv. */
  utility?: UtilityMethod;
}

/** Resolves the request against the content and plans every selected service's stops. */
export function plan(content: Content, request: PlanRequest): Plan {
  const from = resolveSeries(content, request.from, 'from');
  const to = resolveSeries(content, request.to, 'to');
  if (from.id === to.id) throw new PlanError(`{from} and {to} are both ${from.name}: nothing to upgrade`);
  if (content.indexOf(to.id) < content.indexOf(from.id)) {
    throw new PlanError(
      `{to} ${to.name} (${to.version}) is older than {from} ${from.name} (${from.version}): Leapfrog plans upgrades, not downgrades; restore a backup instead`,
    );
  }
  const services = selectServices(content, to, request.services);
  const policy: Policy = request.fewestStops ? 'fewest' : 'tested';
  const paths = services.map((s) => planService(content, s, from, to, policy));
  return { from, to, policy, services, paths, stops: unionOfStops(content, paths), utility: request.utility ?? 'venv' };
}

function selectServices(content: Content, to: Series, wanted: string[] | undefined): Service[] {
  const alive = (s: Service) => content.release(to.id, s.id) !== undefined;
  if (!wanted || wanted.length === 0) return content.services.filter(alive);
  const ids = new Set(wanted.map((w) => w.trim().toLowerCase()).filter(Boolean));
  for (const id of ids) {
    const service = content.getService(id);
    if (!service) {
      throw new PlanError(`Unknown service "${id}" for {services}: expected a comma-separated list of: ${content.services.map((s) => s.id).join(', ')}`);
    }
    if (!alive(service))
      throw new PlanError(`Service "${id}" has no content for ${to.name}: it is not part of that series (lives ${service.since}..${service.until ?? 'now'})`);
  }
  return content.services.filter((s) => ids.has(s.id));
}

/** The runbook's stop list: every series some service stops at, in release order. */
function unionOfStops(content: Content, paths: ServicePath[]): Stop[] {
  const stops: Stop[] = [];
  for (const series of content.series) {
    const visits = paths.flatMap((p) => p.stops.filter((s) => s.at.id === series.id));
    if (visits.length === 0) continue;
    stops.push({
      at: series,
      visits,
      series: series.id,
      services: visits.map((v) => v.service.id),
      reasons: visits.flatMap((v) => v.reasons.map((r) => `${v.service.id}: ${r.text}`)),
    });
  }
  return stops;
}
