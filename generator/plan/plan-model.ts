import type { Release, Series, Service } from '../content.ts';
import type { Blocker } from '../schema/release.ts';
import type { Policy } from './policy.ts';
import type { UtilityMethod } from './utility/method.ts';

/**
 * The plan as resolved objects: the planner looks every series and service up once, and the step
 * builders and renderers read fields. The string ids beside them are what the JSON contract and
 * the site's anchors spell (site/src/lib/stop-matrix.ts and matrix-html.ts read them); they are
 * made from the objects in one place each (plan-service.ts, plan.ts), so the two cannot disagree.
 */

/** What kind of fact makes a series a stop, or lets a service pass it over. */
export type ReasonKind = 'first-series' | 'must-stop' | 'target' | 'blocker' | 'min-start' | 'tested' | 'slurp-skip' | 'no-database-work' | 'direct-upgrade';

/**
 * Why a series is (or is not) a stop, with the sources that say so. A blocker reason carries the
 * blocker it stands for, so readers need not take its text apart.
 */
export type Reason = {
  /** A few words for tables: "Newton needs Mitaka's online-data-migrations". */
  summary: string;
  /** The whole reason, with the data's own explanation. */
  text: string;
  sources: string[];
} & (
  | { kind: Exclude<ReasonKind, 'blocker'> }
  /** `detail` is `text` without the series that has the blocker: one wording for every series that needs it. */
  | { kind: 'blocker'; blocker: StopBlocker; detail: string }
);

/** A blocker of a stop's release with its series resolved: `by` has the blocker, `needs` is the series whose work it asks for. */
export type StopBlocker = Blocker & { by: Series; needs: Series };

/** One service at one series: a stop of its path, or (in `skipped`) a series it passes over. */
export interface ServiceStop {
  service: Service;
  at: Series;
  /** The service's release at that series: every series from the service's first has one. */
  release: Release;
  blockers: StopBlocker[];
  reasons: Reason[];
  /** `at.id`. */
  series: string;
}

/** One service's way from `from` to `to`. */
export interface ServicePath {
  of: Service;
  /** Series whose database the service starts from (the source, or the one before it existed). */
  start: Series;
  stops: ServiceStop[];
  /** Series between start and target that are not stops, with why that is safe (fewest-stops). */
  skipped: ServiceStop[];
  /** `of.id`. */
  service: string;
}

/** A stop in the runbook: a series whose migrations run for at least one service. */
export interface Stop {
  at: Series;
  /** Each service's own stop here, in migration order. */
  visits: ServiceStop[];
  /** `at.id` and the visiting services' ids. */
  series: string;
  services: string[];
  /** One line per service and reason, "nova: Newton is the target" (the JSON's `reasons`). */
  reasons: string[];
}

export interface Plan {
  from: Series;
  to: Series;
  policy: Policy;
  services: Service[];
  paths: ServicePath[];
  stops: Stop[];
  utility: UtilityMethod;
}
