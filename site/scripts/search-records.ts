/**
 * What search knows about runbooks, without indexing 300 pages of 100+ KB each: one small record per
 * pair (found by its series names, ids and versions: `kilo newton`) and one per distinct step id
 * (found by the id, its parts and its title), pointing at the step in the first runbook that has it.
 */
import { buildRunbook, forwardPairs, type Content } from '../../generator/index.ts';

export interface SearchPage { url: string; content: string }

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, body: string, weight: number) =>
  `<!doctype html><html lang="en"><head><title>${esc(title)}</title></head><body data-pagefind-body><h1 data-pagefind-weight="${weight}" data-pagefind-meta="title">${esc(title)}</h1>${body}</body></html>`;

export function runbookSearchPages(content: Content): SearchPage[] {
  const pages: SearchPage[] = [];
  const steps = new Map<string, { title: string; pair: string; label: string; count: number }>();
  for (const [from, to] of forwardPairs(content)) {
    const pair = `${from.id}/${to.id}`;
    const label = `${from.name} → ${to.name}`;
    const runbook = buildRunbook(content, { from: from.id, to: to.id });
    const stops = runbook.plan.stops.map((s) => content.getSeries(s.series)?.name ?? s.series).join(' → ');
    pages.push({
      url: `/runbooks/${pair}/`,
      content: page(`Runbook ${label}`, `<p>Upgrade runbook from ${esc(from.name)} (${esc(from.version)}, ${esc(from.id)}) to ${esc(to.name)} (${esc(to.version)}, ${esc(to.id)}): ${esc(from.name)} ${esc(to.name)}.</p><p data-pagefind-weight="0.3">Path: ${esc(from.name)} → ${esc(stops)}.</p>`, 10),
    });
    for (const section of runbook.sections) {
      for (const step of section.steps) {
        const seen = steps.get(step.id);
        if (seen) seen.count++;
        else steps.set(step.id, { title: step.title, pair, label, count: 1 });
      }
    }
  }
  for (const [id, s] of steps) {
    const more = s.count > 1 ? ` and ${s.count - 1} other runbooks` : '';
    pages.push({
      url: `/runbooks/${s.pair}/#${id}`,
      content: page(`Step ${id}`, `<p>${esc(id.replace(/[._-]/g, ' '))}: ${esc(s.title)}</p><p data-pagefind-weight="0.2">In the runbook ${esc(s.label)}${more}.</p>`, 5),
    });
  }
  return pages;
}
