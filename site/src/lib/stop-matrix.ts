/** The stops as a service × stop matrix: each distinct reason once, cells pointing to it by number. */
import type { Plan } from '../../../generator/index.ts';

export interface DistinctReason {
  n: number;
  text: string;
  sources: string[];
  services: string[];
  at: string[] /** Series that need this work, for blockers ("Victoria requires kilo work first"). */;
  for: string[];
}
export interface Cell {
  n: number;
  summary: string;
}

/** plan-service.ts words a blocker reason as "<Series> requires <id> work first (<steps>): <text>". */
const BLOCKER = /^(\S+) requires \S+ work first \([^)]*\): /;

export function distinctReasons(plan: Plan): { cells: Map<string, Cell[]>; reasons: DistinctReason[] } {
  const byText = new Map<string, DistinctReason>();
  const cells = new Map<string, Cell[]>();
  for (const stop of plan.stops) {
    for (const path of plan.paths) {
      for (const s of path.stops.filter((x) => x.series === stop.series)) {
        for (const r of s.reasons) {
          // A blocker's text is prefixed with the series that needs it: the same blocker, needed by
          // eight later series, is one reason needed by eight series.
          const m = BLOCKER.exec(r.text);
          const text = m ? r.text.slice(m[0].length) : r.text;
          let d = byText.get(text);
          if (!d) {
            d = { n: byText.size + 1, text, sources: r.sources, services: [], at: [], for: [] };
            byText.set(text, d);
          }
          if (m?.[1] && !d.for.includes(m[1])) d.for.push(m[1]);
          if (!d.services.includes(path.service)) d.services.push(path.service);
          if (!d.at.includes(stop.series)) d.at.push(stop.series);
          const key = `${path.service} ${stop.series}`;
          const list = cells.get(key) ?? [];
          if (!list.some((c) => c.n === d.n)) list.push({ n: d.n, summary: r.summary });
          cells.set(key, list);
        }
      }
    }
  }
  return { cells, reasons: [...byText.values()] };
}
