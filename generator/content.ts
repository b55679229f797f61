import type { Release } from './schema/release.ts';
import type { Series } from './schema/series.ts';
import type { Service } from './schema/service.ts';
import type { CommunityNote } from './schema/note.ts';

export type { CommunityNote, Release, Series, Service };

export interface ContentData {
  series: Series[];
  services: Service[];
  releases: Release[];
  notes: CommunityNote[];
}

/** A series' releases, read when first asked for (a snapshot keeps each series in its own file). */
export type ReleasesOf = (series: string) => Release[];

/** Validated content: series in release order, services in migration order. */
export class Content {
  readonly series: Series[];
  readonly services: Service[];
  private readonly releases = new Map<string, Release>();
  // The planner asks for a release tens of thousands of times a build: by series, then service,
  // with no key string to build and hash.
  private readonly bySeries = new Map<string, Map<string, Release>>();
  private readonly index: Map<string, number>;
  private readonly notes: Map<string, CommunityNote>;
  /** Series whose releases are not in `releases` yet, and where to read them. */
  private readonly pending = new Set<string>();
  private readonly releasesOf: ReleasesOf;

  constructor(series: Series[], services: Service[], releases: Release[] | ReleasesOf, notes: CommunityNote[] = []) {
    this.notes = new Map(notes.map((n) => [key(n.series, n.service), n]));
    this.series = [...series].sort((a, b) => compareVersion(a.version, b.version) || cmp(a.id, b.id));
    this.services = [...services].sort((a, b) => a.order - b.order || cmp(a.id, b.id));
    this.index = new Map(this.series.map((s, i) => [s.id, i]));
    if (typeof releases === 'function') {
      this.releasesOf = releases;
      for (const s of this.series) this.pending.add(s.id);
    } else {
      this.releasesOf = () => [];
      for (const r of releases) this.add(r);
    }
  }

  /** Everything the content holds, as plain data (a snapshot: see load/snapshot.ts). */
  toData(): ContentData {
    for (const s of this.series) this.load(s.id);
    return { series: this.series, services: this.services, releases: [...this.releases.values()], notes: this.notesList() };
  }

  /** The releases of one series, as toData() lists them. */
  releasesIn(series: string): Release[] {
    this.load(series);
    return this.services.flatMap((s) => this.releases.get(key(series, s.id)) ?? []);
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
    if (this.pending.size > 0) this.load(series);
    return this.bySeries.get(series)?.get(service);
  }

  private load(series: string): void {
    if (!this.pending.delete(series)) return;
    for (const r of this.releasesOf(series)) this.add(r);
  }

  private add(release: Release): void {
    this.releases.set(key(release.series, release.service), release);
    let services = this.bySeries.get(release.series);
    if (!services) {
      services = new Map();
      this.bySeries.set(release.series, services);
    }
    services.set(release.service, release);
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
