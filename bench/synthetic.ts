import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadContent } from '../generator/index.ts';

/**
 * Grown copies of the real content, for the growth benchmark. The real folder is copied, then:
 *
 * - series × k: the whole history (juno … hibiscus) is replayed k-1 more times after the last real
 *   series, as `juno2 … hibiscus2`, `juno3 …`, with the next year.half versions. Every id in a copied
 *   file (series, min-start, blockers) points into the same copy, so each copy has the real data's
 *   shape: the same stops, blockers and steps. A min start that would land on the series itself
 *   (juno's) points at the series just before it. Services that start later than the first real
 *   series (placement: stein) get, in copies before their start, the file of their latest real
 *   series, so every service still has a file for every series of its life.
 * - services × m: every service file and every `<series>/<service>.yaml` is duplicated as
 *   `<service>-b` (…-c, …), ordered after all real services, with renamed databases and units.
 *
 * SLURP flags, statuses and prose are copied as they are (a pessimistic "history repeats" model:
 * the replayed pre-2023 series are all non-SLURP, so long runbooks stop at every one of them).
 */
export interface GrowOptions {
  seriesFactor: number;
  serviceFactor: number;
}

export function growContent(sourceDir: string, options: GrowOptions, into?: string): string {
  const root = into ?? mkdtempSync(join(tmpdir(), 'leapfrog-bench-content-'));
  mkdirSync(root, { recursive: true });
  cpSync(join(sourceDir, 'services'), join(root, 'services'), { recursive: true });
  cpSync(join(sourceDir, 'series'), join(root, 'series'), { recursive: true });
  const real = loadContent(sourceDir);
  const realSeries = real.series.map((s) => s.id);
  const n = realSeries.length;

  for (let copy = 1; copy < options.seriesFactor; copy++) {
    const idOf = (id: string) => `${id}${copy + 1}`;
    realSeries.forEach((sourceId, j) => {
      const position = copy * n + j;
      const newId = idOf(sourceId);
      const dir = join(root, 'series', newId);
      mkdirSync(dir, { recursive: true });
      const series = readYaml(join(sourceDir, 'series', sourceId, 'series.yaml'));
      const version = addHalves(real.series[0].version, position);
      series.id = newId;
      series.name = `${String(series.name)} ${copy + 1}`;
      series.version = version;
      series.released = `${version.slice(0, 4)}-${version.endsWith('.1') ? '04' : '10'}-01`;
      writeYaml(join(dir, 'series.yaml'), series);
      const previousId = j === 0 ? (copy === 1 ? realSeries[n - 1] : `${realSeries[n - 1]}${copy}`) : idOf(realSeries[j - 1]);
      const mapSeries = (id: string) => {
        const i = realSeries.indexOf(id);
        return i < 0 ? id : i >= j ? previousId : idOf(id);
      };
      for (const service of real.services) {
        const own = join(sourceDir, 'series', sourceId, `${service.id}.yaml`);
        const release = existsSync(own) ? readYaml(own) : latestRelease(sourceDir, realSeries, service.id);
        if (!release) continue;
        const fromOwn = existsSync(own);
        release.series = newId;
        const min = release['min-start'] as { series: string };
        if (fromOwn) {
          min.series = mapSeries(min.series);
          for (const blocker of (release.blockers as { requires: string }[] | undefined) ?? []) blocker.requires = mapSeries(blocker.requires);
        }
        writeYaml(join(dir, `${service.id}.yaml`), release);
      }
    });
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
      file.units = ((file.units as string[] | undefined) ?? []).map((u) => `${u}${suffix}`);
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
  const [year, half] = version.split('.').map(Number);
  const index = year * 2 + (half - 1) + halves;
  return `${Math.floor(index / 2)}.${(index % 2) + 1}`;
}

function latestRelease(sourceDir: string, realSeries: string[], service: string): Record<string, unknown> | undefined {
  for (let i = realSeries.length - 1; i >= 0; i--) {
    const file = join(sourceDir, 'series', realSeries[i], `${service}.yaml`);
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
