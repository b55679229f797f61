import { type Dirent, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Content, type ContentData, type Release } from '../content.ts';
import { CACHE_DIR, GENERATOR_DIR } from '../paths.ts';
import { fingerprint } from '../text/fingerprint.ts';

/**
 * Valid content as one JSON file, keyed by the name, size and modification time of every content
 * file and of the code that reads and checks them (as make and tsc do: an edit or a checkout
 * changes them; reading and hashing ~1.5 MB on every start cost more than the snapshot saved):
 * `runbook` and `path` load it instead of parsing and validating ~250 YAML files. Any doubt (an
 * odd file, an unreadable cache) means no snapshot. `validate` always reads the YAML itself.
 */
const CODE_DIRS = ['schema', 'validate', 'load'].map((d) => join(GENERATOR_DIR, d));
const KEEP = 8;
const RACY_MS = 3000n;

export function snapshotKey(contentDir: string): string | undefined {
  const parts = ['leapfrog content snapshot 4', contentDir];
  const files = [...CODE_DIRS.flatMap((d) => regularFiles(d) ?? []), ...(regularFiles(contentDir) ?? ['\0'])];
  if (files.includes('\0')) return undefined;
  const recent = (BigInt(Date.now()) - RACY_MS) * 1_000_000n;
  for (const file of files) {
    const stat = statSync(file, { bigint: true });
    parts.push(`${relative(contentDir, file)}\0${stat.size}\0${stat.mtimeNs}\0${stat.ino}`);
    // Timestamps are coarse: two same-size writes inside one tick look alike, so a file written
    // just now is keyed by its bytes too (git's "racily clean" rule).
    if (stat.mtimeNs > recent) parts.push(readFileSync(file, 'latin1'));
  }
  return fingerprint(...parts);
}

/**
 * A snapshot is a folder: `index.json` (series, services, notes) and one file per series with its
 * releases. `lazy` reads a series when the planner first asks for it (kilo→newton reads 4 of 25):
 * only for a one-shot CLI run, which ends long before prune() may remove the folder. Long-lived
 * processes (build, rehearse: tens of minutes, while other runs write and prune snapshots) read
 * every series now, and fall back to the YAML when a file is already gone.
 */
export function readSnapshot(contentDir: string, { lazy = false } = {}): Content | undefined {
  const key = snapshotKey(contentDir);
  if (!key) return undefined;
  const dir = join(CACHE_DIR, `content-${key}`);
  try {
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Omit<ContentData, 'releases'>;
    const releasesOf = (series: string) => {
      try {
        return JSON.parse(readFileSync(join(dir, `${series}.json`), 'utf8')) as Release[];
      } catch (error) {
        // A damaged folder would be kept (a rename never replaces one): remove it, so the next run writes it anew.
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`the content snapshot ${dir} lost ${series}.json (${(error as Error).message}): run the command again`);
      }
    };
    const content = new Content(index.series, index.services, releasesOf, index.notes);
    if (!lazy) for (const s of index.series) content.releasesIn(s.id);
    return content;
  } catch {
    return undefined;
  }
}

export function writeSnapshot(contentDir: string, content: Content): void {
  const key = snapshotKey(contentDir);
  if (!key) return;
  const dir = join(CACHE_DIR, `content-${key}`);
  const temp = `${dir}.${process.pid}.tmp`;
  try {
    mkdirSync(temp, { recursive: true });
    const { releases: _, ...index } = content.toData();
    writeFileSync(join(temp, 'index.json'), JSON.stringify(index));
    for (const s of content.series) writeFileSync(join(temp, `${s.id}.json`), JSON.stringify(content.releasesIn(s.id)));
    renameSync(temp, dir); // readers see the whole folder or none; a second writer's rename fails
    prune();
  } catch {
    // a read-only checkout still works: it just parses the YAML every time
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * The newest few snapshots stay; each is a whole content tree. One is removed only when it is a
 * while old, so a run still reading a series from it is done with it.
 */
function prune(): void {
  const snapshots = readdirSync(CACHE_DIR)
    .filter((n) => /^content-[0-9a-f]+(?:\.json)?$/.test(n))
    .map((n) => ({ path: join(CACHE_DIR, n), time: statSync(join(CACHE_DIR, n)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of snapshots.slice(KEEP)) if (Date.now() - old.time > 600_000) rmSync(old.path, { recursive: true, force: true });
}

/** Every regular file under `dir`, sorted; undefined when anything else is there (links, devices). */
function regularFiles(dir: string): string[] | undefined {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isFile()) out.push(path);
    else if (entry.isDirectory()) {
      const inner = regularFiles(path);
      if (!inner) return undefined;
      out.push(...inner);
    } else return undefined;
  }
  return out;
}
