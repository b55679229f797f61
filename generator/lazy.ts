import { createRequire } from 'node:module';
import { extname } from 'node:path';

/**
 * Modules most runs never need (remark, the YAML reader and the validator) load on first use,
 * synchronously (Node's require of an ES module), so a `runbook` start neither reads nor
 * evaluates them. Paths are relative to this file, which sits at the generator's root in the
 * sources and at the bundle's root in the CLI's JavaScript copy (bin/precompiled.js makes it and
 * every module named here entry points, so both layouts agree).
 */
export type LazyModule = 'load-content' | 'render/markdown/remark-writer' | 'render/markdown/note-markdown';

const load = createRequire(import.meta.url);
const ext = extname(new URL(import.meta.url).pathname);

export function lazyModule<T>(path: LazyModule): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= load(`./${path}${ext}`) as T;
    return loaded;
  };
}
