import type { OsId } from '../../schema/os-release.ts';

/**
 * The deb-based OS releases a utility can be built on: the Python 3 (or 2.7) each ships as its
 * default, the container base image, and the MySQL client headers mysqlclient/MySQL-python build
 * against. Debian facts: python3 / libmariadb-dev-compat versions in each suite's Packages file
 * (deb.debian.org, read 2026-12-01) and docker-library/official-images library/debian. Ubuntu facts:
 * the governance runtimes files (18.04: 3.6, 20.04: 3.8, 22.04: 3.10, 24.04: 3.12) and devstack's
 * files/debs (python2.7, libmysqlclient-dev); each image tag from the newest official-images commit
 * that still lists it (OFFICIAL_UBUNTU). 14.04 and 16.04 Pythons are not re-checked: OS_UNVERIFIED.
 */
export interface OsRelease {
  id: OsId;
  name: string;
  distro: 'ubuntu' | 'debian';
  codename: string;
  /** Python versions the release ships as packages: the first is its default `python3` (or 2.7). */
  python: string[];
  image: string;
  mysqlHeaders: string;
  /** Where the facts come from. */
  sources: string[];
}

/**
 * library/ubuntu at the newest commit listing each tag (git log of docker-library/official-images,
 * read 2026-12-02): 14.04 and 16.04 were dropped from the list on 2023-01-27, 18.04 on 2023-06-15,
 * 20.04 on 2025-06-01; 22.04 and 24.04 are listed at 2026-08-18.
 */
const OFFICIAL_UBUNTU = (commit: string) => `https://github.com/docker-library/official-images/blob/${commit}/library/ubuntu`;
const LISTED = {
  '14.04': OFFICIAL_UBUNTU('2e3c4eea6b013e82f4b39b8e476db4d8a2a17edb'),
  '16.04': OFFICIAL_UBUNTU('2e3c4eea6b013e82f4b39b8e476db4d8a2a17edb'),
  '18.04': OFFICIAL_UBUNTU('f00ab76b7e7993b788a09bf5cad55f8edcfdb6b4'),
  '20.04': OFFICIAL_UBUNTU('2d96d3b45936c5e7784c4f56ae58d87d96267a35'),
  '22.04': OFFICIAL_UBUNTU('390134527c15b762ef9efa178cbb065886773659'),
  '24.04': OFFICIAL_UBUNTU('390134527c15b762ef9efa178cbb065886773659'),
};
const OFFICIAL_DEBIAN = 'https://github.com/docker-library/official-images/blob/00c85064a0733ec5fb0da3c184ce16f1675b3e3a/library/debian';
const GOV = (f: string) => `https://opendev.org/openstack/governance/src/commit/c7e4f290d263739652c59264ff13c51859ecda7c/reference/runtimes/${f}.rst`;
const DEB = (s: string) => `https://deb.debian.org/debian/dists/${s}/main/binary-amd64/Packages.xz`;

const ubuntu = (version: string, codename: string, python: string[], sources: string[]): OsRelease => ({
  id: `ubuntu-${version}` as OsId,
  name: `Ubuntu ${version}`,
  distro: 'ubuntu',
  codename,
  python,
  image: `docker.io/library/ubuntu:${version}`,
  mysqlHeaders: 'libmysqlclient-dev',
  sources,
});
const debian = (id: OsId, name: string, codename: string, python: string): OsRelease => ({
  id,
  name,
  distro: 'debian',
  codename,
  python: [python],
  image: `docker.io/library/debian:${codename}`,
  mysqlHeaders: 'libmariadb-dev-compat',
  sources: [DEB(codename), OFFICIAL_DEBIAN],
});

export const OS_RELEASES: Record<OsId, OsRelease> = {
  'ubuntu-14.04': ubuntu('14.04', 'trusty', ['2.7'], [LISTED['14.04']]),
  'ubuntu-16.04': ubuntu('16.04', 'xenial', ['2.7', '3.5'], [LISTED['16.04']]),
  'ubuntu-18.04': ubuntu('18.04', 'bionic', ['3.6', '2.7'], [GOV('stein'), LISTED['18.04']]),
  'ubuntu-20.04': ubuntu('20.04', 'focal', ['3.8'], [GOV('victoria'), LISTED['20.04']]),
  'ubuntu-22.04': ubuntu('22.04', 'jammy', ['3.10'], [GOV('2023.1'), LISTED['22.04']]),
  'ubuntu-24.04': ubuntu('24.04', 'noble', ['3.12'], [GOV('2025.1'), LISTED['24.04']]),
  'debian-11': debian('debian-11', 'Debian 11', 'bullseye', '3.9'),
  'debian-12': debian('debian-12', 'Debian 12', 'bookworm', '3.11'),
  'debian-13': debian('debian-13', 'Debian 13', 'trixie', '3.13'),
  'debian-forky': debian('debian-forky', 'Debian forky (testing)', 'forky', '3.14'),
};

/** What was not checked from this machine (no Ubuntu archive or container registry here). */
export const OS_UNVERIFIED =
  "Unverified: docker-library/official-images stopped listing ubuntu:14.04 and ubuntu:16.04 in January 2023, ubuntu:18.04 in June 2023 and ubuntu:20.04 in June 2025 (no rebuilds since); whether those tags still pull, and whether the Ubuntu package names (devstack's files/debs lists) install on them, was not checked from here (neither Docker Hub nor the Ubuntu archive is reachable). Releases past standard support may need their apt sources moved to old-releases.ubuntu.com or to ESM.";
