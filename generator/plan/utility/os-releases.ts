import type { OsId } from '../../schema/os-release.ts';

/**
 * The deb-based OS releases a utility can be built on: the Python 3 (or 2.7) each ships as its
 * default, the container base image, and the MySQL client headers mysqlclient/MySQL-python build
 * against. Debian facts: python3 / libmariadb-dev-compat versions in each suite's Packages file
 * (deb.debian.org, read 2026-12-01) and docker-library/official-images library/debian. Ubuntu facts:
 * the governance runtimes files (18.04: 3.6, 20.04: 3.8, 22.04: 3.10, 24.04: 3.12) and devstack's
 * files/debs (python2.7, libmysqlclient-dev); 14.04 and 16.04 Pythons and the ubuntu:14.04 and
 * ubuntu:16.04 image tags (listed by official-images until 2021) are not re-checked: OS_UNVERIFIED.
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


const OFFICIAL_UBUNTU = 'https://github.com/docker-library/official-images/blob/68c90c32d093c5e2f0c8943181d616789a03243a/library/ubuntu';
const OFFICIAL_DEBIAN = 'https://github.com/docker-library/official-images/blob/00c85064a0733ec5fb0da3c184ce16f1675b3e3a/library/debian';
const GOV = (f: string) => `https://opendev.org/openstack/governance/src/commit/c7e4f290d263739652c59264ff13c51859ecda7c/reference/runtimes/${f}.rst`;
const DEB = (s: string) => `https://deb.debian.org/debian/dists/${s}/main/binary-amd64/Packages.xz`;

const ubuntu = (version: string, codename: string, python: string[], sources: string[]): OsRelease => ({
  id: `ubuntu-${version}` as OsId, name: `Ubuntu ${version}`, distro: 'ubuntu', codename, python,
  image: `docker.io/library/ubuntu:${version}`, mysqlHeaders: 'libmysqlclient-dev', sources,
});
const debian = (id: OsId, name: string, codename: string, python: string): OsRelease => ({
  id, name, distro: 'debian', codename, python: [python],
  image: `docker.io/library/debian:${codename}`, mysqlHeaders: 'libmariadb-dev-compat', sources: [DEB(codename), OFFICIAL_DEBIAN],
});

export const OS_RELEASES: Record<OsId, OsRelease> = {
  'ubuntu-14.04': ubuntu('14.04', 'trusty', ['2.7'], [OFFICIAL_UBUNTU]),
  'ubuntu-16.04': ubuntu('16.04', 'xenial', ['2.7', '3.5'], [OFFICIAL_UBUNTU]),
  'ubuntu-18.04': ubuntu('18.04', 'bionic', ['3.6', '2.7'], [GOV('stein'), OFFICIAL_UBUNTU]),
  'ubuntu-20.04': ubuntu('20.04', 'focal', ['3.8'], [GOV('victoria')]),
  'ubuntu-22.04': ubuntu('22.04', 'jammy', ['3.10'], [GOV('2023.1')]),
  'ubuntu-24.04': ubuntu('24.04', 'noble', ['3.12'], [GOV('2025.1')]),
  'debian-11': debian('debian-11', 'Debian 11', 'bullseye', '3.9'),
  'debian-12': debian('debian-12', 'Debian 12', 'bookworm', '3.11'),
  'debian-13': debian('debian-13', 'Debian 13', 'trixie', '3.13'),
  'debian-forky': debian('debian-forky', 'Debian forky (testing)', 'forky', '3.14'),
};

/** What was not checked from this machine (no Ubuntu archive or container registry here). */
export const OS_UNVERIFIED = 'Unverified: the Ubuntu images and Ubuntu package names were not checked against Docker Hub or the Ubuntu archive from here (neither is reachable); Ubuntu 14.04 and 16.04 images are old and may need their archive entries moved to old-releases.';
