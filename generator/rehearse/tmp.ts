import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private temporary folder. Under a run, LEAPFROG_REHEARSE_TMP is the run's own folder, which the
 * run removes on any exit (a signal included), so a worker killed mid-step leaves no password file behind.
 */
export function privateDir(prefix: string): string {
  return mkdtempSync(join(process.env.LEAPFROG_REHEARSE_TMP ?? tmpdir(), prefix));
}
