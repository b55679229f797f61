import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';

/** What is at a path in the content folder, judged without trusting it. */
export type Entry = { kind: 'file' | 'dir'; real: string } | { kind: 'refused'; ruleId: string; message: string };

/**
 * Classifies `abs`, which is inside `root` by name: symlinks are followed only when they stay
 * inside the content root; anything but a regular file or a folder (a FIFO would hang, a device
 * never ends) is refused.
 */
export function inspect(root: string, abs: string): Entry {
  let link: ReturnType<typeof lstatSync>;
  try {
    link = lstatSync(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'refused', ruleId: 'missing', message: 'Not found' };
    return {
      kind: 'refused',
      ruleId: 'file-unreadable',
      message: `Cannot read this file (${(error as NodeJS.ErrnoException).code}), expected a file or folder`,
    };
  }
  let real = abs;
  if (link.isSymbolicLink()) {
    try {
      real = realpathSync(abs);
    } catch {
      return { kind: 'refused', ruleId: 'file-unreadable', message: 'Symbolic link to nothing (dangling), expected a file or folder' };
    }
    if (!inside(realpathSync(root), real)) {
      return {
        kind: 'refused',
        ruleId: 'symlink-outside',
        message: 'Symbolic link leaves the content folder, expected content inside it: copy the file in instead',
      };
    }
  }
  const stat = link.isSymbolicLink() ? statSync(real) : link;
  if (stat.isDirectory()) return { kind: 'dir', real };
  if (stat.isFile()) return { kind: 'file', real };
  return { kind: 'refused', ruleId: 'not-a-file', message: 'Not a regular file (a FIFO, socket or device), expected a file' };
}

/** A regular file's bytes, at most `max`: the size is checked on the open descriptor before reading. */
export function readBounded(real: string, max: number): { bytes: Buffer } | { ruleId: string; message: string } {
  // O_NONBLOCK: if the path was swapped for a FIFO after inspect(), open does not wait for a writer.
  const fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ruleId: 'not-a-file', message: 'Not a regular file, expected a file' };
    if (stat.size > max) return { ruleId: 'file-too-large', message: `File is ${stat.size} bytes, expected at most ${max}: split it into smaller files` };
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read) };
  } finally {
    closeSync(fd);
  }
}

export function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
