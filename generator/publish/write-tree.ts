import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { makeTempDir, replaceDir } from './temp-dirs.ts';

export { replaceDir } from './temp-dirs.ts';

/**
 * Writes a whole folder of files, or nothing: files go to a sibling temp folder that replaces
 * the target only once everything is written, so readers never see half an output.
 */
export function writeTree(target: string, files: Iterable<[string, string]>): number {
  const dest = resolve(target);
  const temp = makeTempDir(dest);
  try {
    const count = writeFiles(temp, files);
    replaceDir(temp, dest);
    return count;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Writes files as they come (a generator streams them: no run holds every runbook at once). */
export function writeFiles(dir: string, files: Iterable<[string, string]>): number {
  let count = 0;
  for (const [path, text] of files) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    count++;
  }
  return count;
}
