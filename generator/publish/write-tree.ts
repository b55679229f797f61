import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Writes a whole folder of files, or nothing: files go to a sibling temp folder that replaces
 * the target only once everything is written, so readers never see half an output.
 */
export function writeTree(target: string, files: Iterable<[string, string]>): number {
  const dest = resolve(target);
  mkdirSync(dirname(dest), { recursive: true });
  const temp = mkdtempSync(`${dest}.tmp-`);
  let count = 0;
  try {
    for (const [path, text] of files) {
      const file = join(temp, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      count++;
    }
    replaceDir(temp, dest);
    return count;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
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
