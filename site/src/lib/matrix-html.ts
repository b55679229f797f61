/**
 * The stops as a chain and a service × stop matrix, as terse HTML (juno→gazpacho has 20 stops × 9
 * services): each cell names why in a few words and links to the full reason, written once.
 * Only the column heads name their service: runbook/filter.js hides a column's cells by position.
 */
import type { Plan } from './data.ts';
import type { Cell } from './stop-matrix.ts';
import { attr, esc } from './light-steps.ts';

/** "Victoria needs Kilo's migrate-flavor-data", "Ussuri needs …" in one cell read as one need, by series. */
export function byNeed(cells: Cell[]): { need: string; n: number; by: { series: string; n: number }[] }[] {
  const out: { need: string; n: number; by: { series: string; n: number }[] }[] = [];
  for (const c of cells) {
    const g = c.need && out.find((o) => o.need === c.need?.what && o.by.length);
    if (g) g.by.push({ series: c.need?.by ?? '', n: c.n });
    else out.push({ need: c.need?.what ?? c.summary, n: c.n, by: c.need ? [{ series: c.need.by, n: c.n }] : [] });
  }
  return out;
}

export function matrixHtml(plan: Plan, cells: Map<string, Cell[]>, name: (id: string) => string, seriesHref: (id: string) => string): string {
  const short = (n: string) => esc(n.replace(/ \(.*\)$/, ''));
  const cell = (svc: string, series: string) =>
    byNeed(cells.get(`${svc} ${series}`) ?? [])
      .map((g) =>
        g.by.length
          ? `<span class=why>${esc(g.need)}: ${g.by.map((b) => `<a href=#why${b.n}>${esc(b.series)}</a>`).join(', ')}</span>`
          : `<a class=why href=#why${g.n}>${esc(g.need)}</a>`,
      )
      .join('');
  const head = plan.services.map((s) => `<th scope=col data-svc=${attr(s.id)}>${short(s.name)}</th>`).join('');
  const rows = plan.stops
    .map(
      (stop) =>
        `<tr id=${attr(`stop-${stop.series}`)}><th scope=row><a href="${esc(seriesHref(stop.series))}">${esc(name(stop.series))}</a></th>${plan.services.map((s) => `<td>${cell(s.id, stop.series)}`).join('')}</tr>`,
    )
    .join('');
  const chain = plan.stops
    .map((s) => `<li data-svc="${esc(s.services.join(' '))}"><a href=${attr(`#stop-${s.series}`)}>${esc(name(s.series))}</a></li>`)
    .join('');
  return `<ol class=chain aria-label="Path of stops"><li>${esc(plan.from.name)} <small>(source)</small></li>${chain}</ol><div class=scroll tabindex=0 role=region aria-label="Why each service stops where it does"><table class=matrix><thead><tr><th scope=col>Stop</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}
