import { closeSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { removeStaleTemps } from '../publish/temp-dirs.ts';
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
