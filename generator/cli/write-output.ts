import { closeSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import { inside } from '../load/safe-read.ts';

/**
 * `--out FILE`. A regular file (or a new one) is written next to the target then renamed, so a
 * failed run never leaves half a file; a device, FIFO or terminal is written in place, because a
 * rename would replace the node itself (`--out /dev/null` as root). Folders and paths inside the
 * content folder are refused before anything is written.
 */
export function writeOutput(file: string, text: string, contentDir: string): void {
  const target = realOrResolved(file);
  if (inside(realOrResolved(contentDir), target)) throw new UsageError(`--out ${file} is inside the content folder ${contentDir}: expected a path outside it`);
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw new UsageError(`--out ${file} is a folder: expected a file path, e.g. ${join(file, 'runbook.md')}`);
  if (existing && !existing.isFile()) {
    const fd = openSync(target, 'w');
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  removeStaleTemps(target);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true }); // disk full or interrupted: no half-written temp stays
    throw error;
  }
}

/** Temps of runs that were killed (SIGKILL cannot be caught): `<target>.<pid>.tmp` whose pid is gone. */
function removeStaleTemps(target: string): void {
  const prefix = `${basename(target)}.`;
  for (const name of readdirSync(dirname(target))) {
    const pid = name.startsWith(prefix) ? /^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid && !alive(Number(pid))) rmSync(join(dirname(target), name), { force: true });
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

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
