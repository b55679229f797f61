import type { Content, Release, Series, Service } from '../content.ts';
import { OFFLINE_PHASES } from '../schema/phases.ts';
import { describeTested, testedFloor, type Policy } from './policy.ts';

/** What kind of fact makes a series a stop, or lets a service pass it over. */
export type ReasonKind =
  | 'first-series' | 'must-stop' | 'target' | 'blocker' | 'min-start' | 'tested'
  | 'slurp-skip' | 'no-database-work' | 'direct-upgrade';

/** Why a series is (or is not) a stop, with the sources that say so. */
export interface Reason {
  kind: ReasonKind;
  /** A few words for tables: "Newton needs Mitaka's online-data-migrations". */
  summary: string;
  /** The whole reason, with the data's own explanation. */
  text: string;
  sources: string[];
}

export interface ServiceStop {
  series: string;
  reasons: Reason[];
}

/** One service's way from `from` to `to`. */
export interface ServicePath {
  service: string;
  /** Series whose database the service starts from (the source, or the one before it existed). */
  start: string;
  stops: ServiceStop[];
  /** Series between start and target that are not stops, with why that is safe (fewest-stops). */
  skipped: ServiceStop[];
}

interface Pending {
  index: number;
  reason: Reason;
}

/**
 * Walks back from the target: each stop's predecessor is the oldest series the stop's code may
 * upgrade from (min start, and in `tested` upstream's tested path), unless a blocker or a must-stop
 * needs a later one. Taking the oldest allowed predecessor each time gives the fewest stops while
 * min starts only rise over time, which holds for every service upstream.
 */
export function planService(content: Content, service: Service, from: Series, to: Series, policy: Policy): ServicePath {
  const since = content.indexOf(service.since);
  const start = Math.max(content.indexOf(from.id), since - 1);
  const release = (i: number) => content.release(content.series[i].id, service.id) as Release;
  const pending: Pending[] = [];
  if (since > content.indexOf(from.id) && since < content.indexOf(to.id)) {
    const first = content.series[since];
    pending.push({ index: since, reason: { kind: 'first-series', summary: `${service.name} starts here`, text: `${service.name} first exists in ${first.name}: its database is created there`, sources: service.sources } });
  }
  if (policy === 'tested') {
    for (let i = start + 1; i < content.indexOf(to.id); i++) {
      const must = release(i)['must-stop'];
      if (must) pending.push({ index: i, reason: { kind: 'must-stop', summary: 'upstream: do not skip', text: `${content.series[i].name} must not be skipped: ${must.text}`, sources: must.sources } });
    }
  }
  const stops: ServiceStop[] = [];
  const sourceStop: Reason[] = [];
  let current = content.indexOf(to.id);
  const reasons = new Map<number, Reason[]>([[current, [{ kind: 'target', summary: 'target', text: `${to.name} is the target`, sources: [] }]]]);
  for (;;) {
    stops.unshift({ series: content.series[current].id, reasons: reasons.get(current) ?? [] });
    if (current === since) break; // the service is introduced here: nothing older to upgrade
    const here = content.series[current];
    const rel = release(current);
    for (const b of rel.blockers) {
      const index = content.indexOf(b.requires);
      const reason: Reason = { kind: 'blocker', summary: `${here.name} needs ${content.getSeries(b.requires)?.name}'s ${b.steps.join(', ')}`, text: `${here.name} requires ${b.requires} work first (${b.steps.join(', ')}): ${b.text}`, sources: b.sources };
      if (index > start) pending.push({ index, reason });
      // The source is the service's first series, so its code may not be installed yet (a Stein
      // cloud may still serve placement from nova): the work, and every step before it, runs
      // from that series' utility, as a stop.
      else if (index === start && start === since) sourceStop.push({ ...reason, text: `${reason.text} ${service.name} is new in ${from.name}, so the source cloud may not run its code: that work runs from the ${from.name} utility.` });
    }
    const why: Reason[] = [];
    const dataFloor = content.indexOf(rel['min-start'].series);
    let floor = dataFloor;
    if (policy === 'tested') floor = Math.max(floor, testedFloor(content, here));
    const needed = pending.filter((p) => p.index < current).reduce((m, p) => Math.max(m, p.index), -1);
    const previous = Math.min(Math.max(floor, needed), current - 1);
    if (previous <= start) break;
    if (floor === previous && floor === dataFloor) {
      why.push({ kind: 'min-start', summary: `${here.name} upgrades only from here on`, text: `${here.name} upgrades ${service.name} databases from ${content.series[floor].name} on: ${rel['min-start'].text}`, sources: rel['min-start'].sources });
    }
    if (policy === 'tested' && floor === previous && testedFloor(content, here) === previous) {
      why.push({ kind: 'tested', summary: `upstream tests ${here.name} from here`, text: describeTested(content, here, previous), sources: [] });
    }
    for (const p of pending) if (p.index === previous) why.push(p.reason);
    reasons.set(previous, why);
    current = previous;
  }
  if (sourceStop.length) stops.unshift({ series: from.id, reasons: sourceStop });
  // A stop where the service has no offline work changes nothing in its database: leave it out.
  const kept = stops.filter((s) => s.series === to.id || hasOfflineWork(content.release(s.series, service.id)));
  return { service: service.id, start: content.series[start].id, stops: kept, skipped: explainSkipped(content, service, start, kept, policy) };
}

/** For each series passed over, the data that makes skipping it safe. */
function explainSkipped(content: Content, service: Service, start: number, stops: ServiceStop[], policy: Policy): ServiceStop[] {
  const skipped: ServiceStop[] = [];
  const last = content.indexOf(stops[stops.length - 1].series);
  for (let i = start + 1; i < last; i++) {
    const series = content.series[i];
    if (stops.some((s) => s.series === series.id)) continue;
    const next = stops.find((s) => content.indexOf(s.series) > i) as ServiceStop;
    const rel = content.release(next.series, service.id) as Release;
    const reasons: Reason[] = [];
    const nextSeries = content.getSeries(next.series)!;
    if (policy === 'tested' && testedFloor(content, nextSeries) < i) {
      reasons.push({ kind: 'slurp-skip', summary: 'SLURP skip', text: describeTested(content, nextSeries, testedFloor(content, nextSeries)), sources: [] });
    } else if (!hasOfflineWork(content.release(series.id, service.id))) {
      reasons.push({ kind: 'no-database-work', summary: 'no database work', text: `${service.name} has no database work in ${series.name}`, sources: [] });
    } else {
      const min = rel['min-start'];
      reasons.push({ kind: 'direct-upgrade', summary: `${content.getSeries(next.series)?.name} upgrades it directly`, text: `${content.getSeries(next.series)?.name} upgrades ${service.name} databases from ${content.getSeries(min.series)?.name} on (${min.text}), and no blocker needs ${series.name}'s code`, sources: min.sources });
    }
    skipped.push({ series: series.id, reasons });
  }
  return skipped;
}

export function hasOfflineWork(release: Release | undefined): boolean {
  return release?.steps.some((s) => OFFLINE_PHASES.includes(s.phase)) ?? false;
}
