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
  const cache = new Map<string, RefinedBlock>();
  return (block: string): RefinedBlock => {
    let hit = cache.get(block);
    if (!hit) {
      hit = refine(block);
      cache.set(block, hit);
    }
    return hit;
  };
}
