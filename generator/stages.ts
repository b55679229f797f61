/** The pipeline's stages, as a benchmark or a profiler sees them. */
export type Stage = 'load' | 'plan' | 'markdown' | 'json';

export type StageObserver = (stage: Stage, ms: number) => void;

let observer: StageObserver | undefined;

/**
 * Reports how long each stage takes to `fn` (undefined stops it). The library times itself, so a
 * benchmark measures the real pipeline instead of re-composing it from internals.
 */
export function observeStages(fn: StageObserver | undefined): void {
  observer = fn;
}

export function stage<T>(name: Stage, work: () => T): T {
  if (!observer) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    observer(name, performance.now() - start);
  }
}
