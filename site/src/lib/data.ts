/** The site's only way into Leapfrog: the generator as a library (no second copy of its logic). */
import { resolve } from 'node:path';
import { loadContent, type Content } from '../../../generator/index.ts';

export { buildRunbook, forwardPairs, groupSteps, noteHtml, sourceLabel, splitProse, toJson } from '../../../generator/index.ts';
export type { Content, Phase, Runbook, RunbookStep, Series, Service, Release } from '../../../generator/index.ts';

let cached: Content | undefined;

/** Validated content, loaded once per build. The path is explicit: import.meta.url moves when Vite bundles. */
export function content(): Content {
  cached ??= loadContent(resolve(process.env.LEAPFROG_CONTENT ?? resolve(process.cwd(), 'content')));
  return cached;
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

export function seriesLabel(s: { name: string; version: string }): string {
  return `${s.name} (${s.version})`;
}
