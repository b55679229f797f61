import type { Series } from '../../content.ts';
import type { Plan } from '../plan-model.ts';
import { OS_RELEASES } from './os-releases.ts';

/**
 * Which OS releases the stops and the target support, and whether the pair crosses an OS
 * boundary: hosts cannot move to the target's OS mid-leap in place, so the utilities carry the
 * older stops' code (a venv built on an older release, or a container of it).
 */
export function osWarning(plan: Plan): string[] {
  const names = (series: Series) => series.runtimes.os.map((os) => OS_RELEASES[os].name).join(', ') || 'no OS release recorded';
  if (plan.from.runtimes.os.length === 0 || plan.to.runtimes.os.length === 0) return [];
  const stops = plan.stops.filter((s) => s.at.id !== plan.to.id).map((s) => `${s.at.name}: ${names(s.at)}`);
  const shared = plan.from.runtimes.os.filter((os) => plan.to.runtimes.os.includes(os));
  const crossing =
    shared.length === 0
      ? `${plan.from.name} (${names(plan.from)}) and ${plan.to.name} (${names(plan.to)}) share no OS release: this leap crosses an OS boundary. Reinstall or upgrade each host's OS to one ${plan.to.name} supports when it is deployed; until then the stops' utilities carry the older code, so build them where their OS runs (--utility container does that on any host).`
      : `${plan.from.name} and ${plan.to.name} share ${shared.map((os) => OS_RELEASES[os].name).join(', ')}: no OS change is needed for the leap itself.`;
  return [`OS releases: the target ${plan.to.name} supports ${names(plan.to)}${stops.length ? `; the stops ${stops.join('; ')}` : ''}. ${crossing}`];
}
