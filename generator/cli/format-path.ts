import type { Content, Plan } from '../index.ts';

/** `leapfrog path`: each service's stops and skipped series, with reasons and their sources. */
export function formatPath(content: Content, plan: Plan): string {
  const name = (id: string) => content.getSeries(id)!.name;
  const lines = [
    `${plan.from.name} (${plan.from.version}) -> ${plan.to.name} (${plan.to.version}), ${plan.policy === 'fewest' ? 'fewest stops the data allows' : "upstream's tested path"}`,
  ];
  lines.push(`Stops: ${plan.stops.map((s) => name(s.series)).join(', ')}`);
  for (const path of plan.paths) {
    lines.push('', `${content.getService(path.service)!.name} (from ${name(path.start)}): ${path.stops.map((s) => name(s.series)).join(' -> ')}`);
    for (const stop of path.stops) {
      for (const r of stop.reasons) lines.push(`  ${name(stop.series)}: ${r.text}${r.sources.length ? ` [${r.sources.join(' ')}]` : ''}`);
    }
    for (const skip of path.skipped) {
      for (const r of skip.reasons) lines.push(`  skips ${name(skip.series)}: ${r.text}${r.sources.length ? ` [${r.sources.join(' ')}]` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
