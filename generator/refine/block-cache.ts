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

/** Memoises `refine` by block text, holding at most ~64 M characters of blocks. */
export function createBlockCache(refine: (block: string) => RefinedBlock) {
  const own = (refined: RefinedBlock): RefinedBlock => ({
    text: copy(refined.text),
    structure: { ...refined.structure, stepIds: refined.structure.stepIds.map(copy) },
  });
  return boundedMemo((block) => own(refine(block)), 64_000_000, (block, refined) => block.length + refined.text.length);
}

/**
 * A flat copy. Strings cut out of a runbook (split blocks, parsed node values, their
 * concatenations) keep the whole runbook alive in V8; a cached one must not.
 */
function copy(value: string): string {
  return Buffer.from(value, 'utf8').toString('utf8');
}

/**
 * Memoises `fn`, least recently used out first once the entries' size passes `budget`: a build of
 * every pair meets new blocks for as long as it runs, and the unbounded cache of slices held
 * every runbook it rendered (680 MB of heap after 1,500 files at 49 series; out of heap at 200).
 */
export function boundedMemo<T>(fn: (key: string) => T, budget = 8_000_000, sizeOf = (key: string, _value: T) => key.length): (key: string) => T {
  const cache = new Map<string, T>();
  let size = 0;
  return (key: string): T => {
    let hit = cache.get(key);
    if (hit !== undefined) {
      cache.delete(key); // re-inserted below: Map order is recency order
    } else {
      hit = fn(key);
      key = copy(key);
      size += sizeOf(key, hit);
      for (const [oldKey, oldValue] of cache) {
        if (size <= budget) break;
        cache.delete(oldKey);
        size -= sizeOf(oldKey, oldValue);
      }
    }
    cache.set(key, hit);
    return hit;
  };
}
