import type { Content, Release, Series, Service } from '../../content.ts';
import type { Entry } from '../check-schema.ts';
import type { Problem } from '../../problem.ts';

/** What every semantic rule sees: the typed entries (with their files) and the assembled content. */
export interface RuleContext {
  series: Entry<Series>[];
  services: Entry<Service>[];
  releases: Entry<Release>[];
  content: Content;
  /**
   * What exists on disk, valid or not (`<series>/<service>` for releases), so a file that failed
   * its schema check is not reported a second time as missing.
   */
  declared: { series: Set<string>; services: Set<string>; releases: Set<string> };
}

/** A named semantic check, run after the schema check, in the order of `RULES`. */
export type Rule = (ctx: RuleContext) => Problem[];
