import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout: where content/, templates/ and node_modules/ are. bin/leapfrog.js may run a
 * JavaScript copy of the generator kept under node_modules/.cache, and then says where the
 * checkout is (LEAPFROG_ROOT). fileURLToPath, not URL.pathname: a path with a space stays real.
 */
export const ROOT = process.env.LEAPFROG_ROOT ?? fileURLToPath(new URL('..', import.meta.url));

/** The checkout's content folder: what every command reads unless given --content. */
export const DEFAULT_CONTENT_DIR = join(ROOT, 'content');
export const TEMPLATES_DIR = join(ROOT, 'templates');
/** The generator's own sources (the content snapshot is keyed by those that read and check content). */
export const GENERATOR_DIR = join(ROOT, 'generator');
/** Caches that a fresh clone rebuilds: content snapshots, compiled code. */
export const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'leapfrog');
