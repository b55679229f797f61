/**
 * What search knows about runbooks, without indexing 300 pages of 100+ KB each: one record per pair,
 * found by its series names, ids and versions (`kilo newton`), with a heading per step (its id, the
 * id's parts, its title) over its commands. Pagefind makes each step heading with an id a sub-result
 * that links to the step (`/runbooks/kilo/newton/#offline.stop.nova`); public/search.js points a
 * runbook's result at the sub-result the query matched most, so a step id or a command word opens
 * the step. The step text weighs less than the pair's title, and than the series pages, which hold
 * every service's steps and notes once.
 */
import { buildRunbook, forwardPairs, type Content } from '../../generator/index.ts';

export interface SearchPage {
  url: string;
  content: string;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function runbookSearchPages(content: Content): SearchPage[] {
  return forwardPairs(content).map(([from, to]) => {
    const label = `${from.name} → ${to.name}`;
    const runbook = buildRunbook(content, { from: from.id, to: to.id });
    const stops = runbook.plan.stops.map((s) => content.getSeries(s.series)?.name ?? s.series).join(' → ');
    const steps = runbook.sections
      .flatMap((section) => section.steps)
      .map(
        (step) =>
          `<h2 id="${esc(step.id)}" data-pagefind-weight="1">${esc(step.id)}: ${esc(step.title)}</h2><p data-pagefind-weight="0.5">${esc(step.id.replace(/[._-]/g, ' '))}. ${step.commands.map(esc).join(' ')}</p>`,
      )
      .join('');
    const title = `Runbook ${label}`;
    const about = `Upgrade runbook from ${esc(from.name)} (${esc(from.version)}, ${esc(from.id)}) to ${esc(to.name)} (${esc(to.version)}, ${esc(to.id)}): ${esc(from.name)} ${esc(to.name)}.`;
    return {
      url: `/runbooks/${from.id}/${to.id}/`,
      content: `<!doctype html><html lang="en"><head><title>${esc(title)}</title></head><body data-pagefind-body><h1 data-pagefind-weight="10" data-pagefind-meta="title">${esc(title)}</h1><p data-pagefind-weight="5">${about}</p><p data-pagefind-weight="0.3">Path: ${esc(from.name)} → ${esc(stops)}.</p>${steps}</body></html>`,
    };
  });
}
