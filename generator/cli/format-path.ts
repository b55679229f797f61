import type { Plan } from '../index.ts';

/** `leapfrog path`: each service's stops and skipped series, with reasons and their sources. */
export function formatPath(plan: Plan): string {
  const lines = [
    `${plan.from.name} (${plan.from.version}) -> ${plan.to.name} (${plan.to.version}), ${plan.policy === 'fewest' ? 'fewest stops the data allows' : "upstream's tested path"}`,
  ];
  lines.push(`Stops: ${plan.stops.map((s) => s.at.name).join(', ')}`);
  for (const path of plan.paths) {
    lines.push('', `${path.of.name} (from ${path.start.name}): ${path.stops.map((s) => s.at.name).join(' -> ')}`);
    for (const stop of path.stops) {
      for (const r of stop.reasons) lines.push(`  ${stop.at.name}: ${r.text}${r.sources.length ? ` [${r.sources.join(' ')}]` : ''}`);
    }
    for (const skip of path.skipped) {
      for (const r of skip.reasons) lines.push(`  skips ${skip.at.name}: ${r.text}${r.sources.length ? ` [${r.sources.join(' ')}]` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
