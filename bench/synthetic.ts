import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadContent } from '../generator/index.ts';

/**
 * Grown copies of the real content, for the growth benchmark. The real folder is copied, then:
 *
 * - series × k: (k-1) × 25 series are appended after the last real one, with the next year.half
 *   versions, by replaying real series in order: the whole history (`juno2 … hibiscus2`, `juno3 …`)
 *   or only the SLURP era (`antelope2 … hibiscus2`, `antelope3 …`). A reference in a copied file
 *   (min-start, blockers) that pointed d series back points d series back from the copy (at least
 *   one), so each copy has the real data's shape: the same kinds of stops, blockers and steps; a
 *   blocker is kept only where the series it lands on has the steps it names. Services that start
 *   later than the first real series (placement: stein) get, in copies of series before their start,
 *   the file of their latest real series, so every service has a file for every series of its life.
 * - services × m: every service file and every `<series>/<service>.yaml` is duplicated as
 *   `<service>-b` (…-c, …), ordered after all real services, with renamed databases and units.
 *
 * SLURP flags, statuses and prose are copied as they are. Replaying history is pessimistic: the
 * replayed pre-2023 series are non-SLURP, so long runbooks stop at every one of them; replaying the
 * SLURP era is the likely future (a stop per year on upstream's tested path).
 */
export interface GrowOptions {
  seriesFactor: number;
  serviceFactor: number;
  /**
   * `history` (default): replay juno … hibiscus. `slurp-era`: replay only antelope … hibiscus, the
   * series since upstream's SLURP cadence, which is what future series will look like.
   */
  replay?: 'history' | 'slurp-era';
}

export function growContent(sourceDir: string, options: GrowOptions, into?: string): string {
  const root = into ?? mkdtempSync(join(tmpdir(), 'leapfrog-bench-content-'));
  mkdirSync(root, { recursive: true });
  cpSync(join(sourceDir, 'services'), join(root, 'services'), { recursive: true });
  cpSync(join(sourceDir, 'series'), join(root, 'series'), { recursive: true });
  const real = loadContent(sourceDir);
  const realSeries = real.series.map((s) => s.id);
  const n = realSeries.length;

  const replay = options.replay === 'slurp-era' ? realSeries.slice(real.series.findIndex((s) => s.slurp)) : realSeries;
  const ids = [...realSeries];
  const sourceOf = new Map(realSeries.map((id) => [id, id]));
  const stepIds = (series: string, service: string) => {
    const file = join(sourceDir, 'series', series, `${service}.yaml`);
    return existsSync(file) ? ((readYaml(file).steps as { id: string }[] | undefined) ?? []).map((st) => st.id) : [];
  };
  const added = n * (options.seriesFactor - 1);
  const first = real.series[0];
  if (added > 0 && (!first || replay.length === 0)) throw new Error(`growContent: ${sourceDir} has no series to replay`);
  for (let k = 0; k < added; k++) {
    const cycle = Math.floor(k / replay.length) + 2;
    const sourceId = replay[k % replay.length] ?? ''; // k % length is in range: replay is not empty
    const position = n + k;
    const newId = `${sourceId}${cycle}`;
    const dir = join(root, 'series', newId);
    mkdirSync(dir, { recursive: true });
    const series = readYaml(join(sourceDir, 'series', sourceId, 'series.yaml'));
    const version = addHalves(first?.version ?? '', position);
    series.id = newId;
    series.name = `${String(series.name)} ${cycle}`;
    series.version = version;
    series.released = `${version.slice(0, 4)}-${version.endsWith('.1') ? '04' : '10'}-01`;
    writeYaml(join(dir, 'series.yaml'), series);
    // A reference d series back in the source points d series back from the copy (at least one).
    const mapSeries = (id: string): string => {
      const mapped = ids[position - Math.max(1, realSeries.indexOf(sourceId) - realSeries.indexOf(id))];
      if (mapped === undefined) throw new Error(`growContent: ${sourceId} refers to ${id}, which maps before the first series`);
      return mapped;
    };
    for (const service of real.services) {
      const own = join(sourceDir, 'series', sourceId, `${service.id}.yaml`);
      const fromOwn = existsSync(own);
      const release = fromOwn ? readYaml(own) : latestRelease(sourceDir, realSeries, service.id);
      if (!release) continue;
      release.series = newId;
      if (fromOwn) {
        const min = release['min-start'] as { series: string };
        min.series = mapSeries(min.series);
        const blockers = (release.blockers as { requires: string; steps: string[] }[] | undefined) ?? [];
        release.blockers = blockers.flatMap((blocker) => {
          const target = mapSeries(blocker.requires);
          const available = stepIds(sourceOf.get(target)!, service.id);
          // Kept only where the mapped series has the named steps (always, when replaying all history).
          return blocker.steps.every((st) => available.includes(st)) ? [{ ...blocker, requires: target }] : [];
        });
      }
      writeYaml(join(dir, `${service.id}.yaml`), release);
    }
    ids.push(newId);
    sourceOf.set(newId, sourceId);
  }

  for (let copy = 1; copy < options.serviceFactor; copy++) {
    const suffix = `-${String.fromCharCode(97 + copy)}`; // -b, -c, …
    for (const service of real.services) {
      const file = readYaml(join(sourceDir, 'services', `${service.id}.yaml`));
      file.id = `${service.id}${suffix}`;
      file.name = `${String(file.name)} ${suffix.slice(1).toUpperCase()}`;
      file.order = Number(file.order) + 1000 * copy;
      file['os-user'] = `${String(file['os-user'])}${suffix}`;
      file.databases = ((file.databases as { name: string }[] | undefined) ?? []).map((db) => ({ ...db, name: `${db.name}_${suffix.slice(1)}` }));
      type Unit = string | { name: string; since?: string; until?: string };
      file.units = ((file.units as Unit[] | undefined) ?? []).map((u) => (typeof u === 'string' ? `${u}${suffix}` : { ...u, name: `${u.name}${suffix}` }));
      writeYaml(join(root, 'services', `${file.id}.yaml`), file);
      for (const seriesId of readdirSync(join(root, 'series'))) {
        const source = join(root, 'series', seriesId, `${service.id}.yaml`);
        if (!existsSync(source)) continue;
        const release = readYaml(source);
        release.service = file.id;
        writeYaml(join(root, 'series', seriesId, `${file.id}.yaml`), release);
      }
    }
  }
  return root;
}

/** "2014.2" plus h half-years. */
export function addHalves(version: string, halves: number): string {
  const match = /^(\d+)\.([12])$/.exec(version);
  if (!match) throw new Error(`addHalves: ${JSON.stringify(version)} is not a YEAR.1 or YEAR.2 version`);
  const index = Number(match[1]) * 2 + (Number(match[2]) - 1) + halves;
  return `${Math.floor(index / 2)}.${(index % 2) + 1}`;
}

function latestRelease(sourceDir: string, realSeries: string[], service: string): Record<string, unknown> | undefined {
  for (const id of [...realSeries].reverse()) {
    const file = join(sourceDir, 'series', id, `${service}.yaml`);
    if (existsSync(file)) return readYaml(file);
  }
  return undefined;
}

function readYaml(file: string): Record<string, unknown> {
  return parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function writeYaml(file: string, data: unknown): void {
  writeFileSync(file, stringify(data, { lineWidth: 0 }));
}
