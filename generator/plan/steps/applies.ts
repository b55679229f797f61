import type { Content, Series, Service } from '../../content.ts';
import type { Phase, ReleaseStep } from '../../schema/release.ts';
import { hasOfflineWork } from '../plan-service.ts';
import type { UtilityMethod } from '../utility/method.ts';

/** A step marked `source-until` repairs what older code never did: only for sources up to that series. */
export function appliesTo(content: Content, step: ReleaseStep, from: Series): boolean {
  const until = step['source-until'];
  return until === undefined || content.indexOf(from.id) <= content.indexOf(until);
}

/** A series × service file's steps of one phase that apply to an upgrade from `from`, in content order. */
export function phaseSteps(content: Content, series: Series, service: Service, phase: Phase, from: Series): ReleaseStep[] {
  return (content.release(series.id, service.id)?.steps ?? []).filter((s) => s.phase === phase && appliesTo(content, s, from));
}

/** Checks at the target run from its utility when there is one (the service has offline work there). */
export function targetRunWith(content: Content, to: Series, service: Service, method: UtilityMethod): UtilityMethod | 'installed' {
  return hasOfflineWork(content.release(to.id, service.id)) ? method : 'installed';
}
