import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where rehearsal roots are kept: outside the checkout (they are ~8 GB and take ~40 minutes to
 * build cold), so every clone on a machine, CI's fresh ones included, reuses them. Keyed inside by
 * suite and package list, so a shared cache is never a stale one. LEAPFROG_REHEARSE_CACHE or
 * --cache chooses another place.
 */
export function defaultRehearseCache(): string {
  return process.env.LEAPFROG_REHEARSE_CACHE ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'leapfrog', 'rehearse');
}
