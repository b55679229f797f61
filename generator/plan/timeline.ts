import type { Content, Release, Series, Service } from '../content.ts';

/**
 * The series in release order, as positions, for one service: the planner reasons in positions
 * ("the oldest series this stop may upgrade from"), and this is the one place that turns them
 * back into series and releases. A position outside the list is a planner bug, so it throws.
 */
export class Timeline {
  readonly content: Content;
  readonly service: Service;

  constructor(content: Content, service: Service) {
    this.content = content;
    this.service = service;
  }

  /** Position of a series; content validation guarantees every id the planner asks for exists. */
  position(id: string): number {
    const at = this.content.indexOf(id);
    if (at < 0) throw new Error(`planner: unknown series ${id}`);
    return at;
  }

  at(position: number): Series {
    const series = this.content.series[position];
    if (!series) throw new Error(`planner: no series at position ${position}`);
    return series;
  }

  /** The service's release at a position: every series from the service's first has one. */
  release(position: number): Release {
    const series = this.at(position);
    const release = this.content.release(series.id, this.service.id);
    if (!release) throw new Error(`planner: no ${this.service.id} release for ${series.id}`);
    return release;
  }

  /** The name of a series by id, for reasons. */
  name(id: string): string {
    return this.at(this.position(id)).name;
  }

  /** Oldest position upstream tests an upgrade to the series at `position` from (see policy.ts). */
  testedFloor(position: number): number {
    if (this.at(position).slurp) {
      for (let j = position - 1; j >= 0; j--) if (this.at(j).slurp) return j;
    }
    return position - 1;
  }
}
