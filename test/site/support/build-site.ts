/** Runs the site build (`site/scripts/build.ts`) as the npm script does, into a given folder. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';

const ROOT = resolve(import.meta.dirname, '../../..');

export function buildSite(out: string, contentDir?: string): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, ...(contentDir ? { LEAPFROG_CONTENT: contentDir } : {}) };
  const r = spawnSync(process.execPath, [join(ROOT, 'site/scripts/build.ts'), out], { cwd: ROOT, env, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under dir -> sha256 of its bytes, by relative path. */
export function treeHashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}
