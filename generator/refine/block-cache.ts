import type { Structure } from './remark-check-structure.ts';

/** One top-level block of a runbook, refined: its text and what it adds to the structure. */
export interface RefinedBlock {
  text: string;
  structure: Structure;
}

/**
 * Splits a generated runbook into its top-level blocks. The templates guarantee the shape: a
 * block starts at column 0 after a blank line, and everything inside one (a step's commands,
 * notes and sources) is indented, so blocks can be refined independently and the same step,
 * which recurs in hundreds of pair runbooks, is refined once per process.
 */
export function splitBlocks(markdown: string): string[] {
  return markdown.replace(/\n+$/, '').split(/\n\n+(?=\S)/);
}

/** Memoises `refine` by block text. */
export function createBlockCache(refine: (block: string) => RefinedBlock) {
  return boundedMemo(refine);
}

/**
 * Memoises `fn`, forgetting everything once `max` results are held: a build of every pair sees
 * new blocks for as long as it runs, and an unbounded cache is what ran out of heap at 200 series.
 */
export function boundedMemo<T>(fn: (key: string) => T, max = 200_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string): T => {
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = fn(key);
      if (cache.size >= max) cache.clear();
      cache.set(key, hit);
    }
    return hit;
  };
}
