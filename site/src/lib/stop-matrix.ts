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
  /** For a blocker: the series that has it and what it needs ("needs Kilo's migrate-flavor-data"). */
  need?: { by: string; what: string };
}

export function distinctReasons(plan: Plan): { cells: Map<string, Cell[]>; reasons: DistinctReason[] } {
  const byText = new Map<string, DistinctReason>();
  const cells = new Map<string, Cell[]>();
  for (const stop of plan.stops) {
    for (const path of plan.paths) {
      for (const s of path.stops.filter((x) => x.series === stop.series)) {
        for (const r of s.reasons) {
          // The same blocker, needed by eight later series, is one reason needed by eight series.
          const b = r.kind === 'blocker' ? r.blocker : undefined;
          const text = r.kind === 'blocker' ? r.detail : r.text;
          let d = byText.get(text);
          if (!d) {
            d = { n: byText.size + 1, text, sources: r.sources, services: [], at: [], for: [] };
            byText.set(text, d);
          }
          if (b && !d.for.includes(b.by.name)) d.for.push(b.by.name);
          if (!d.services.includes(path.service)) d.services.push(path.service);
          if (!d.at.includes(stop.series)) d.at.push(stop.series);
          const key = `${path.service} ${stop.series}`;
          const list = cells.get(key) ?? [];
          const need = b && { by: b.by.name, what: `needs ${b.needs.name}'s ${b.steps.join(', ')}` };
          if (!list.some((c) => c.n === d.n && c.need?.by === need?.by)) list.push({ n: d.n, summary: r.summary, ...(need && { need }) });
          cells.set(key, list);
        }
      }
    }
  }
  return { cells, reasons: [...byText.values()] };
}
