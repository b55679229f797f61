import { closeSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Utf8Text, writeUtf8 } from '../text/utf8-text.ts';
import { makeTempDir, replaceDir } from './temp-dirs.ts';

export { replaceDir } from './temp-dirs.ts';

/**
 * Writes a whole folder of files, or nothing: files go to a sibling temp folder that replaces
 * the target only once everything is written, so readers never see half an output.
 */
export function writeTree(target: string, files: Iterable<[string, string | Utf8Text]>): number {
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
export function writeFiles(dir: string, files: Iterable<[string, string | Utf8Text]>): number {
  let count = 0;
  for (const [path, text] of files) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    if (text instanceof Utf8Text) writeFileOf(file, text);
    else writeFileSync(file, text);
    count++;
  }
  return count;
}

/** A text in pieces, written as it is: one writev of the pieces, never joined into one buffer. */
function writeFileOf(file: string, text: Utf8Text): void {
  const fd = openSync(file, 'w');
  try {
    writeUtf8(fd, text);
  } finally {
    closeSync(fd);
  }
}
