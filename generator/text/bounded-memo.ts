/**
 * A flat copy. Strings cut out of a larger one (slices, parsed values, their concatenations) keep
 * the whole parent alive in V8; a cached one must not.
 */
export function flatCopy(value: string): string {
  return Buffer.from(value, 'utf8').toString('utf8');
}

const ANYWHERE = /^/;

/**
 * The same text as one flat string, without copying it out and back: a regular expression reads
 * only flat text, so V8 flattens a string built by concatenation (a rope) in place to test it.
 * Text kept and concatenated into every runbook is then one piece to copy, not the hundreds it
 * was built from. A hint only: the value never changes.
 */
export function flat(value: string): string {
  ANYWHERE.test(value);
  return value;
}

/**
 * Least recently used out first once the entries' size passes `budget`: a build of every pair
 * meets new text for as long as it runs, and an unbounded cache would hold it all.
 */
export class BoundedCache<T> {
  private readonly entries = new Map<string, T>();
  private size = 0;
  private readonly budget: number;
  private readonly sizeOf: (key: string, value: T) => number;

  constructor(budget = 8_000_000, sizeOf: (key: string, value: T) => number = (key) => key.length) {
    this.budget = budget;
    this.sizeOf = sizeOf;
  }

  get(key: string, make: () => T): T {
    let hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key); // re-inserted below: Map order is recency order
    } else {
      hit = make();
      key = flatCopy(key);
      this.size += this.sizeOf(key, hit);
      for (const [oldKey, oldValue] of this.entries) {
        if (this.size <= this.budget) break;
        this.entries.delete(oldKey);
        this.size -= this.sizeOf(oldKey, oldValue);
      }
    }
    this.entries.set(key, hit);
    return hit;
  }
}

/** Memoises `fn` by its key in a BoundedCache. */
export function boundedMemo<T>(fn: (key: string) => T, budget?: number, sizeOf?: (key: string, value: T) => number): (key: string) => T {
  const cache = new BoundedCache<T>(budget, sizeOf);
  return (key) => cache.get(key, () => fn(key));
}
