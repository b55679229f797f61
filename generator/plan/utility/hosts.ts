import type { Series } from '../../content.ts';
import type { OsId } from '../../schema/os-release.ts';
import { OS_IDS } from '../../schema/os-release.ts';
import { OS_RELEASES, type OsRelease } from './os-releases.ts';

/** The Python a stop's utility runs and the OS release that ships it as a package. */
export interface UtilityHost {
  python: string;
  os: OsRelease;
}

const provides = (os: OsId, python: string) => OS_RELEASES[os].python.includes(python);
const available = (series: Series) => series.runtimes.python.filter((p) => OS_IDS.some((os) => provides(os, p)));
const newest = (versions: string[]): string | undefined =>
  [...versions].sort((a, b) => Number(b.split('.')[0]) - Number(a.split('.')[0]) || Number(b.split('.')[1]) - Number(a.split('.')[1]))[0];

/** Validation requires tested runtimes per series, so no Python to choose from is a planner bug. */
function chosen(python: string | undefined, series: Series[]): string {
  if (python === undefined) throw new Error(`planner: no Python for ${series.map((s) => s.id).join(', ')}`);
  return python;
}

/** The first OS of these series (later series first) that ships the Python, else the newest OS that does. */
function hostOs(python: string, series: Series[]): OsRelease {
  const id =
    [...series]
      .reverse()
      .flatMap((s) => s.runtimes.os)
      .find((os) => provides(os, python)) ?? [...OS_IDS].reverse().find((os) => provides(os, python))!;
  return OS_RELEASES[id];
}

/**
 * venv: one Python per stop, shared by consecutive stops whose tested runtimes overlap (the newest
 * they share), so one host serves as many stops as it can; a new group starts where they stop overlapping.
 * Returns each stop with its host, in the order given.
 */
export function venvHosts<T extends { at: Series }>(stops: T[]): { stop: T; host: UtilityHost }[] {
  const hosted: { stop: T; host: UtilityHost }[] = [];
  let group: T[] = [];
  let shared: string[] = [];
  const close = () => {
    if (group.length === 0) return;
    const series = group.map((s) => s.at);
    const python = chosen(newest(shared), series);
    const host = { python, os: hostOs(python, series) };
    for (const stop of group) hosted.push({ stop, host });
  };
  for (const stop of stops) {
    const next = shared.filter((p) => available(stop.at).includes(p));
    if (group.length > 0 && next.length > 0) {
      group.push(stop);
      shared = next;
    } else {
      close();
      group = [stop];
      shared = available(stop.at);
    }
  }
  close();
  return hosted;
}

/** container: each stop's own image, of an OS release the series supports, with the newest tested Python it ships. */
export function containerHost(series: Series): UtilityHost {
  const python = chosen(newest(series.runtimes.python.filter((p) => series.runtimes.os.some((os) => provides(os, p)))) ?? newest(available(series)), [series]);
  return { python, os: hostOs(python, [series]) };
}
