import type { YamlFile } from './load/yaml-file.ts';
import type { Release } from './schema/release.ts';
import type { Series } from './schema/series.ts';
import type { Service } from './schema/service.ts';
import type { CommunityNote } from './schema/note.ts';

export type { CommunityNote, Release, Series, Service };

/** A validated value and the file it came from (for positioned messages). */
export interface Entry<T> {
  value: T;
  file: YamlFile;
}

/** Validated content: series in release order, services in migration order. */
export class Content {
  readonly series: Series[];
  readonly services: Service[];
  readonly files: {
    series: Map<string, YamlFile>;
    services: Map<string, YamlFile>;
    releases: Map<string, YamlFile>;
  };
  private readonly releases: Map<string, Release>;
  private readonly index: Map<string, number>;

  private readonly notes: Map<string, CommunityNote>;

  constructor(series: Entry<Series>[], services: Entry<Service>[], releases: Entry<Release>[], notes: CommunityNote[] = []) {
    this.notes = new Map(notes.map((n) => [key(n.series, n.service), n]));
    const bySeries = [...series].sort((a, b) => compareVersion(a.value.version, b.value.version) || cmp(a.value.id, b.value.id));
    const byOrder = [...services].sort((a, b) => a.value.order - b.value.order || cmp(a.value.id, b.value.id));
    this.series = bySeries.map((e) => e.value);
    this.services = byOrder.map((e) => e.value);
    this.index = new Map(this.series.map((s, i) => [s.id, i]));
    this.releases = new Map(releases.map((e) => [key(e.value.series, e.value.service), e.value]));
    this.files = {
      series: new Map(series.map((e) => [e.value.id, e.file])),
      services: new Map(services.map((e) => [e.value.id, e.file])),
      releases: new Map(releases.map((e) => [key(e.value.series, e.value.service), e.file])),
    };
  }

  /** Position of a series in release order; -1 when unknown. */
  indexOf(series: string): number {
    return this.index.get(series) ?? -1;
  }

  getSeries(id: string): Series | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.series[i];
  }

  getService(id: string): Service | undefined {
    return this.services.find((s) => s.id === id);
  }

  release(series: string, service: string): Release | undefined {
    return this.releases.get(key(series, service));
  }

  /** The community note on a series × service, if someone wrote one. */
  note(series: string, service: string): CommunityNote | undefined {
    return this.notes.get(key(series, service));
  }

  notesList(): CommunityNote[] {
    return [...this.notes.values()];
  }

  /** Series strictly after `from` up to and including `to`. */
  between(from: string, to: string): Series[] {
    return this.series.slice(this.indexOf(from) + 1, this.indexOf(to) + 1);
  }
}

function key(series: string, service: string): string {
  return `${series}/${service}`;
}

function compareVersion(a: string, b: string): number {
  return cmp(a, b); // "2016.2" < "2017.1": fixed-width year.half sorts as text
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
