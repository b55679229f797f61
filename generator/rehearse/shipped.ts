import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { run } from './exec.ts';
import type { Root } from './roots.ts';
import { SERVICES } from './services.ts';

/** Debian suites that package OpenStack, oldest first. */
export const SUITES = ['bullseye', 'bookworm', 'trixie', 'forky'];

/** Which upstream series one suite ships for one service, and how that was decided. */
export interface Shipped {
  suite: string;
  service: string;
  package: string;
  debian: string;
  upstream: string;
  series: string;
  /** openstack/releases file that lists the upstream version under the series. */
  source: string;
}

/** Debian's version to upstream's spelling: no epoch, no Debian revision, ~rc1 as .0rc1, no +dfsg. */
export function upstreamVersion(debian: string): string {
  return debian
    .replace(/^\d+:/, '')
    .replace(/-[^-]+$/, '')
    .replace(/\+dfsg\d*$/, '')
    .replace(/~(rc|b)(\d+)$/, '.0$1$2');
}

const RELEASES_GIT = process.env.LEAPFROG_RELEASES_GIT ?? '/work/.mirror/openstack+releases/repo';

/** Every series listing the deliverable's versions, read from an openstack/releases git mirror. */
const releasedCache = new Map<string, { series: string; versions: string[]; commit: string }[]>();
function releasedVersions(deliverable: string): { series: string; versions: string[]; commit: string }[] {
  if (!releasedCache.has(deliverable)) releasedCache.set(deliverable, readReleased(deliverable));
  return releasedCache.get(deliverable)!;
}

function readReleased(deliverable: string): { series: string; versions: string[]; commit: string }[] {
  const git = (...args: string[]) => run('git', [`--git-dir=${RELEASES_GIT}`, ...args]);
  const commit = git('rev-parse', 'HEAD').stdout.trim();
  const series = git('ls-tree', '--name-only', 'HEAD', 'deliverables/')
    .stdout.split('\n')
    .filter((l) => l && !l.includes('_'))
    .map((l) => l.replace('deliverables/', ''));
  return series.map((s) => {
    const text = git('show', `HEAD:deliverables/${s}/${deliverable}.yaml`).stdout;
    return { series: s, versions: [...text.matchAll(/^\s*- version: (\S+)/gm)].map((m) => m[1]!), commit };
  });
}

/**
 * Maps each service's installed version in a root to its series: by the openstack/releases mirror
 * when this machine has one, otherwise by the committed record (the versions seen when it was made).
 */
export function shippedBy(root: Root, recorded: Shipped[]): Shipped[] {
  const mirror = existsSync(RELEASES_GIT);
  return SERVICES.flatMap((service) => {
    const debian = root.versions[service.versionPackage];
    if (!debian) return [];
    const upstream = upstreamVersion(debian);
    if (mirror) {
      const hit = releasedVersions(service.deliverable).find((r) => r.versions.includes(upstream));
      if (hit) {
        return [
          {
            suite: root.suite,
            service: service.id,
            package: service.versionPackage,
            debian,
            upstream,
            series: hit.series,
            source: `https://opendev.org/openstack/releases/src/commit/${hit.commit}/deliverables/${hit.series}/${service.deliverable}.yaml`,
          },
        ];
      }
    }
    const known = recorded.find((r) => r.service === service.id && r.upstream === upstream);
    return known ? [{ ...known, suite: root.suite, debian }] : [];
  });
}

export function readRecord(path: string): Shipped[] {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Shipped[]) : [];
}

export function writeRecord(path: string, shipped: Shipped[]): void {
  writeFileSync(path, `${JSON.stringify(shipped, null, 2)}\n`);
}
