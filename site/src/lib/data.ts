/** The site's only way into Leapfrog: the generator as a library (no second copy of its logic). */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { forwardPairs, loadContent, renderJsonUtf8, sourceLabel, type Content, type Runbook } from '../../../generator/index.ts';

export { blockerStepId, contentStepId } from '../../../generator/plan/step-id.ts';
export { ROLE_NAMES } from '../../../generator/index.ts';
export { buildRunbook, forwardPairs, groupSteps, noteHtml, sourceLabel, splitProse, toJson } from '../../../generator/index.ts';
export type { Content, Phase, Plan, Runbook, RunbookStep, Series, Service, Release } from '../../../generator/index.ts';

let cached: Content | undefined;

/** Validated content, loaded once per build. The path is explicit: import.meta.url moves when Vite bundles. */
export function content(): Content {
  cached ??= loadContent(resolve(process.env.LEAPFROG_CONTENT ?? resolve(process.cwd(), 'content')));
  return cached;
}

/** Astro's static paths of the runbook pages: one per forward pair. */
export function pairPaths(): { params: { from: string; to: string } }[] {
  return forwardPairs(content()).map(([from, to]) => ({ params: { from: from.id, to: to.id } }));
}

/** Site-relative URL under the configured base, e.g. href('runbooks/kilo/newton/'). */
export function href(path = ''): string {
  return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${path}`;
}

/** Numbers each distinct source once per page: steps cite [n], the page lists every URL once. */
export class SourceIndex {
  readonly urls: string[] = [];
  private readonly index = new Map<string, number>();
  ref(url: string): number {
    let n = this.index.get(url);
    if (n === undefined) {
      this.urls.push(url);
      n = this.urls.length;
      this.index.set(url, n);
    }
    return n;
  }
}

/** A source label split into its repository and ref ("openstack/nova 25.0.0") and the file path. */
export function splitSource(url: string): { group: string; path: string } {
  const label = sourceLabel(url);
  const at = label.indexOf(': ');
  return at > 0 ? { group: label.slice(0, at), path: label.slice(at + 2) } : { group: '', path: label };
}

/**
 * The page's sources numbered by repository and ref, in order of first citation within each: the
 * list then prints as a compact appendix, one heading per repository and ref.
 */
export function groupedSources(urls: string[]): { index: SourceIndex; groups: { group: string; items: { n: number; url: string; path: string }[] }[] } {
  const groups = new Map<string, { url: string; path: string }[]>();
  for (const url of new Set(urls)) {
    const { group, path } = splitSource(url);
    groups.set(group, [...(groups.get(group) ?? []), { url, path }]);
  }
  const index = new SourceIndex();
  const out = [...groups].map(([group, items]) => ({ group, items: items.map((i) => ({ n: index.ref(i.url), ...i })) }));
  return { index, groups: out };
}

export function seriesLabel(s: { name: string; version: string }): string {
  return `${s.name} (${s.version})`;
}

/** What a printed runbook says it is: a hash of its JSON (same steps, same hash) and the commit built from. */
export function runbookVersion(runbook: Runbook): string {
  const hash = createHash('sha256');
  for (const part of renderJsonUtf8(runbook).parts) hash.update(part);
  return hash.digest('hex').slice(0, 12);
}

let stamp: string | undefined;
/** "commit abc1234, 2026-12-01" of the checkout being built (not the clock: builds stay byte-identical). */
export function buildStamp(): string {
  if (stamp === undefined) {
    try {
      stamp = execFileSync('git', ['log', '-1', '--format=commit %h, %cs'], {
        cwd: process.cwd(),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      stamp = '';
    }
  }
  return stamp;
}
