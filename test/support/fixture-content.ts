import { fileURLToPath } from 'node:url';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const CASES = join(FIXTURES, 'broken');

/**
 * A temp copy of the valid base content with a broken case laid over it: the case's `content/`
 * is copied on top, `delete` lists files to remove. An unknown name gives the base alone.
 */
export function contentFor(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `leapfrog-${name}-`));
  cpSync(join(FIXTURES, 'base', 'content'), root, { recursive: true });
  const overlay = join(CASES, name, 'content');
  if (existsSync(overlay)) cpSync(overlay, root, { recursive: true });
  const deletions = join(CASES, name, 'delete');
  if (existsSync(deletions)) {
    for (const path of readFileSync(deletions, 'utf8').split('\n').filter(Boolean)) rmSync(join(root, path));
  }
  return root;
}
