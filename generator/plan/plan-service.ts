import type { Content, Release, Series, Service } from '../content.ts';
import { OFFLINE_PHASES } from '../schema/phases.ts';
import type { Reason, ServicePath, ServiceStop } from './plan-model.ts';
import { describeTested, type Policy } from './policy.ts';
import { Timeline } from './timeline.ts';

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
  const line = new Timeline(content, service);
  const since = line.position(service.since);
  const source = line.position(from.id);
  const target = line.position(to.id);
  const start = Math.max(source, since - 1);
  const pending: Pending[] = [];
  if (since > source && since < target) {
    pending.push({
      index: since,
      reason: {
        kind: 'first-series',
        summary: `${service.name} starts here`,
        text: `${service.name} first exists in ${line.at(since).name}: its database is created there`,
        sources: service.sources,
      },
    });
  }
  if (policy === 'tested') {
    for (let i = start + 1; i < target; i++) {
      const must = line.release(i)['must-stop'];
      if (must)
        pending.push({
          index: i,
          reason: { kind: 'must-stop', summary: 'upstream: do not skip', text: `${line.at(i).name} must not be skipped: ${must.text}`, sources: must.sources },
        });
    }
  }
  const stops: ServiceStop[] = [];
  const sourceStop: Reason[] = [];
  let current = target;
  const reasons = new Map<number, Reason[]>([[current, [{ kind: 'target', summary: 'target', text: `${to.name} is the target`, sources: [] }]]]);
  for (;;) {
    const stop = serviceStop(line, current, reasons.get(current) ?? []);
    stops.unshift(stop);
    if (current === since) break; // the service is introduced here: nothing older to upgrade
    const { at: here, release: rel } = stop;
    for (const b of stop.blockers) {
      const index = line.position(b.needs.id);
      const reason: Reason = {
        kind: 'blocker',
        blocker: b,
        summary: `${here.name} needs ${b.needs.name}'s ${b.steps.join(', ')}`,
        text: `${here.name} requires ${b.requires} work first (${b.steps.join(', ')}): ${b.text}`,
        detail: b.text,
        sources: b.sources,
      };
      if (index > start) pending.push({ index, reason });
      // The source is the service's first series, so its code may not be installed yet (a Stein
      // cloud may still serve placement from nova): the work, and every step before it, runs
      // from that series' utility, as a stop.
      else if (index === start && start === since) {
        const why = `${service.name} is new in ${from.name}, so the source cloud may not run its code: that work runs from the ${from.name} utility.`;
        sourceStop.push({ ...reason, text: `${reason.text} ${why}`, detail: `${reason.detail} ${why}` });
      }
    }
    const why: Reason[] = [];
    const dataFloor = line.position(rel['min-start'].series);
    const testedFloor = line.testedFloor(current);
    const floor = policy === 'tested' ? Math.max(dataFloor, testedFloor) : dataFloor;
    const needed = pending.filter((p) => p.index < current).reduce((m, p) => Math.max(m, p.index), -1);
    const previous = Math.min(Math.max(floor, needed), current - 1);
    if (previous <= start) break;
    if (floor === previous && floor === dataFloor) {
      why.push({
        kind: 'min-start',
        summary: `${here.name} upgrades only from here on`,
        text: `${here.name} upgrades ${service.name} databases from ${line.at(floor).name} on: ${rel['min-start'].text}`,
        sources: rel['min-start'].sources,
      });
    }
    if (policy === 'tested' && floor === previous && testedFloor === previous) {
      why.push({ kind: 'tested', summary: `upstream tests ${here.name} from here`, text: describeTested(here, line.at(previous)), sources: [] });
    }
    for (const p of pending) if (p.index === previous) why.push(p.reason);
    reasons.set(previous, why);
    current = previous;
  }
  if (sourceStop.length) stops.unshift(serviceStop(line, source, sourceStop));
  // A stop where the service has no offline work changes nothing in its database: leave it out.
  const kept = stops.filter((s) => s.at.id === to.id || hasOfflineWork(s.release));
  return { of: service, service: service.id, start: line.at(start), stops: kept, skipped: explainSkipped(line, start, kept, policy) };
}

/** The service at a position, resolved once: its release there and the series its blockers need. */
function serviceStop(line: Timeline, position: number, reasons: Reason[]): ServiceStop {
  const at = line.at(position);
  const release = line.release(position);
  const blockers = release.blockers.map((blocker) => ({ ...blocker, by: at, needs: line.at(line.position(blocker.requires)) }));
  return { service: line.service, at, release, blockers, reasons, series: at.id };
}

/** For each series passed over, the data that makes skipping it safe. */
function explainSkipped(line: Timeline, start: number, stops: ServiceStop[], policy: Policy): ServiceStop[] {
  const { service } = line;
  const skipped: ServiceStop[] = [];
  const positions = stops.map((s) => line.position(s.at.id));
  const last = positions.at(-1) ?? start;
  for (let i = start + 1; i < last; i++) {
    if (positions.includes(i)) continue;
    const series = line.at(i);
    // The next stop after a skipped series exists: the last stop is after it.
    const nextAt = positions.find((p) => p > i) ?? last;
    const next = line.at(nextAt);
    const reasons: Reason[] = [];
    const tested = line.testedFloor(nextAt);
    if (policy === 'tested' && tested < i) {
      reasons.push({ kind: 'slurp-skip', summary: 'SLURP skip', text: describeTested(next, tested >= 0 ? line.at(tested) : undefined), sources: [] });
    } else if (!hasOfflineWork(line.release(i))) {
      reasons.push({ kind: 'no-database-work', summary: 'no database work', text: `${service.name} has no database work in ${series.name}`, sources: [] });
    } else {
      const min = line.release(nextAt)['min-start'];
      reasons.push({
        kind: 'direct-upgrade',
        summary: `${next.name} upgrades it directly`,
        text: `${next.name} upgrades ${service.name} databases from ${line.name(min.series)} on (${min.text}), and no blocker needs ${series.name}'s code`,
        sources: min.sources,
      });
    }
    skipped.push(serviceStop(line, i, reasons));
  }
  return skipped;
}

export function hasOfflineWork(release: Release | undefined): boolean {
  return release?.steps.some((s) => OFFLINE_PHASES.includes(s.phase)) ?? false;
}
