/** The deb-based OS releases content may name; their facts live in plan/utility/os-releases.ts. */
export const OS_IDS = [
  'ubuntu-14.04',
  'ubuntu-16.04',
  'ubuntu-18.04',
  'ubuntu-20.04',
  'ubuntu-22.04',
  'ubuntu-24.04',
  'debian-11',
  'debian-12',
  'debian-13',
  'debian-forky',
] as const;
export type OsId = (typeof OS_IDS)[number];
