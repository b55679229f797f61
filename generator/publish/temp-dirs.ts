import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Temps beside an output carry the pid of the run that owns them: `<dest>.tmp-<pid>-XXXXXX`
 * (folders), `<dest>.old-<pid>` (the previous output during a swap), `<dest>.<pid>.tmp` (files).
 * A run that was killed (SIGKILL, power loss) cannot clean up, so the next run removes the temps
 * of processes that are gone, and leaves those of runs still going.
 */
export function makeTempDir(dest: string): string {
  mkdirSync(dirname(dest), { recursive: true });
  removeStaleTemps(dest);
  return mkdtempSync(`${dest}.tmp-${process.pid}-`);
}

export function removeStaleTemps(dest: string): void {
  const base = basename(dest);
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const owned = new RegExp(`^${escaped}(?:\\.tmp-(\\d+)-.+|\\.old-(\\d+)|\\.(\\d+)\\.tmp)$`);
  // Folders from before pids were in the names: `<dest>.tmp-XXXXXX`, six random characters.
  const legacy = new RegExp(`^${escaped}\\.tmp-[A-Za-z0-9]{6}$`);
  let names: string[];
  try {
    names = readdirSync(dirname(dest));
  } catch {
    return;
  }
  for (const name of names) {
    const match = owned.exec(name);
    const pid = match ? Number(match[1] ?? match[2] ?? match[3]) : undefined;
    if ((pid !== undefined && pid !== process.pid && !alive(pid)) || legacy.test(name)) {
      rmSync(join(dirname(dest), name), { recursive: true, force: true });
    }
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Moves a finished folder into place, replacing the previous one only once the new one is whole. */
export function replaceDir(finished: string, dest: string): void {
  const old = `${dest}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(dest, old);
  } catch {
    // no previous output
  }
  renameSync(finished, dest);
  rmSync(old, { recursive: true, force: true });
}
