import type { Content, Series } from '../../content.ts';
import type { ReleaseStep } from '../../schema/release.ts';

/** A step marked `source-until` repairs what older code never did: only for sources up to that series. */
export function appliesTo(content: Content, step: ReleaseStep, from: Series): boolean {
  const until = step['source-until'];
  return until === undefined || content.indexOf(from.id) <= content.indexOf(until);
}
