import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './exec.ts';

/** Debian's archive, the one apt on this machine already uses (the brief allows Debian's archive only). */
export const DEBIAN_MIRROR = 'http://deb.debian.org/debian';

/** A chroot with one suite's OpenStack packages installed, its installed versions read back. */
export interface Root {
  suite: string;
  dir: string;
  /** Debian package -> installed version, e.g. python3-keystone -> 2:18.0.0-3. */
  versions: Record<string, string>;
}

const MARKER = '.leapfrog-root.json';

/** A finished root, wherever the cache now is (a moved cache keeps working). */
function cached(dir: string): Root {
  return { ...(JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as Root), dir };
}
/** Some 400 Python packages are configured (byte-compiled) per suite: on a loaded machine this takes half an hour. */
const INSTALL_TIMEOUT = 3 * 3600;

/** The cache key: a root is reused only for the same suite and the same package list. */
export function rootKey(suite: string, packages: string[]): string {
  const hash = createHash('sha256')
    .update([...packages].sort().join('\n'))
    .digest('hex')
    .slice(0, 12);
  return `${suite}-${hash}`;
}

/**
 * Builds (or reuses from the cache) a root for the suite with the given packages, where they exist
 * in that suite. The base debootstrap is cached on its own so a new package list costs only the install.
 */
export function buildRoot(cache: string, suite: string, packages: string[], log: (line: string) => void): Root {
  const dir = join(cache, 'roots', rootKey(suite, packages));
  if (existsSync(join(dir, MARKER))) return cached(dir);
  // Two processes (CI builds roots while the tests run) wait for each other instead of sharing a half-built root.
  const lock = `${dir}.lock`;
  mkdirSync(join(cache, 'roots'), { recursive: true });
  while (!tryLock(lock)) {
    if (existsSync(join(dir, MARKER))) return cached(dir);
    run('sleep', ['5']);
  }
  try {
    // Another builder may have finished between the first look and the lock: a finished root is
    // never rebuilt, since replacing it (rm, rename) pulls it from under a running rehearsal.
    if (existsSync(join(dir, MARKER))) return cached(dir);
    return buildLocked(cache, suite, packages, dir, log);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * mkdir is atomic: the lock is ours, or its holder's pid is gone (a killed build) and we take it over
 * (false once more: the caller tries again).
 */
export function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch {
    if (!existsSync(join(lock, 'pid'))) return false; // its holder is writing it
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    if (pid && run('kill', ['-0', String(pid)]).code === 0) return false;
    rmSync(lock, { recursive: true, force: true });
    return false;
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  return true;
}

function buildLocked(cache: string, suite: string, packages: string[], dir: string, log: (line: string) => void): Root {
  const base = baseRoot(cache, suite, log);
  const tmp = `${dir}.tmp`;
  // A build cut short (a timeout, a reboot) resumes: the copy is kept and dpkg finishes configuring.
  const resuming = existsSync(join(tmp, '.leapfrog-copied'));
  if (!resuming) {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(join(cache, 'roots'), { recursive: true });
    log(`roots: ${suite}: copying the base root`);
    // cp -a, not fs.cpSync: the root holds device nodes that debootstrap created.
    must(run('cp', ['-a', base, tmp]), 'copying the base root');
    keepPackagesQuiet(tmp, packages);
    writeFileSync(join(tmp, '.leapfrog-copied'), `${suite}\n`);
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive', DEBCONF_NONINTERACTIVE_SEEN: 'true' };
  // The archive this machine reaches may be a snapshot whose Release files are past Valid-Until:
  // accept their age (signatures are still verified), as debootstrap itself does.
  must(run('chroot', [tmp, 'apt-get', 'update', '-qq', '-o', 'Acquire::Check-Valid-Until=false'], { env }), `apt-get update in ${suite}`);
  const present = packages.filter((p) => run('chroot', [tmp, 'apt-cache', 'show', '--no-all-versions', p], { env }).code === 0);
  log(`roots: ${suite}: installing ${present.join(' ')}`);
  // --no-install-recommends: recommends pull in apache2, memcached, rabbitmq clients and the like,
  // nothing the database commands need.
  // Some maintainer scripts read /proc; mounted for the install only.
  must(run('mount', ['-t', 'proc', 'proc', join(tmp, 'proc')]), 'mounting /proc');
  try {
    if (resuming) must(run('chroot', [tmp, 'dpkg', '--configure', '-a'], { env, timeoutSeconds: INSTALL_TIMEOUT }), `dpkg --configure -a in ${suite}`);
    must(
      run('chroot', [tmp, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...present], { env, timeoutSeconds: INSTALL_TIMEOUT }),
      `apt-get install in ${suite}`,
    );
  } finally {
    // Lazy: a maintainer script's leftover child must not keep the root's /proc mounted.
    run('umount', ['-l', join(tmp, 'proc')]);
  }
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format fields, not a template
  const listed = run('chroot', [tmp, 'dpkg-query', '-W', '-f', '${Package} ${Version}\\n']);
  const versions = Object.fromEntries(
    listed.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ') as [string, string]),
  );
  const root: Root = { suite, dir, versions };
  writeFileSync(join(tmp, MARKER), `${JSON.stringify(root, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return root;
}

/** debootstrap minbase plus sudo (the runbook's commands run as `sudo -u <os-user>`, kept as they are). */
export function baseRoot(cache: string, suite: string, log: (line: string) => void): string {
  const dir = join(cache, 'base', `${suite}-minbase-sudo`);
  const ready = () => existsSync(join(dir, '.leapfrog-base'));
  if (ready()) return dir;
  // Roots and utility images of one suite share the base: one debootstrap, the others wait for it.
  mkdirSync(join(cache, 'base'), { recursive: true });
  while (!tryLock(`${dir}.lock`)) {
    if (ready()) return dir;
    run('sleep', ['5']);
  }
  try {
    if (!ready()) debootstrapBase(suite, dir, log);
    return dir;
  } finally {
    rmSync(`${dir}.lock`, { recursive: true, force: true });
  }
}

function debootstrapBase(suite: string, dir: string, log: (line: string) => void): void {
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  log(`roots: ${suite}: debootstrap --variant=minbase (about 1.5 minutes)`);
  // debootstrap releases older than a suite have no script for it: every Debian suite uses sid's.
  const script = `/usr/share/debootstrap/scripts/${suite}`;
  const args = ['--variant=minbase', '--include=sudo', suite, tmp, DEBIAN_MIRROR, ...(existsSync(script) ? [] : ['/usr/share/debootstrap/scripts/sid'])];
  must(run('debootstrap', args), `debootstrap ${suite}`);
  writeFileSync(join(tmp, '.leapfrog-base'), `${suite}\n`);
  renameSync(tmp, dir);
}

/**
 * Packages must install code and users only. policy-rc.d exit 101 ("action forbidden") makes
 * invoke-rc.d refuse every start, so no daemon starts in the chroot (it shares the host's network
 * and would bind its ports). Debian's OpenStack packages ask (openstack-pkg-tools) whether to
 * configure a database through dbconfig-common, and keystone whether to bootstrap and register an
 * endpoint: answered no, so postinst never reaches for a database server; the rehearsal writes the
 * configuration itself.
 */
function keepPackagesQuiet(dir: string, packages: string[]): void {
  // A throwaway root: dpkg need not fsync every file it unpacks (a large share of the install time).
  writeFileSync(join(dir, 'etc/dpkg/dpkg.cfg.d/leapfrog-unsafe-io'), 'force-unsafe-io\n');
  writeFileSync(join(dir, 'usr/sbin/policy-rc.d'), '#!/bin/sh\n# leapfrog rehearse: never start services in this chroot\nexit 101\n', { mode: 0o755 });
  const answers = packages.flatMap((p) => {
    const owner = p.replace(/-common$/, '');
    return [
      `${p} ${owner}/configure_db boolean false`,
      `${p} ${p}/dbconfig-install boolean false`,
      `${p} ${owner}/register-endpoint boolean false`,
      `${p} ${owner}/create-admin-tenant boolean false`,
    ];
  });
  writeFileSync(join(dir, 'tmp/leapfrog-debconf'), `${answers.join('\n')}\n`);
  must(run('chroot', [dir, 'debconf-set-selections', '/tmp/leapfrog-debconf']), 'debconf-set-selections');
}

export function must(result: { code: number; stdout: string; stderr: string }, what: string): void {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n')}`);
}

/** Builds several suites' roots at once, one process each: debootstrap and apt mostly wait on the network. */
export async function buildRoots(cache: string, suites: string[], packages: string[], log: (line: string) => void): Promise<Root[]> {
  const { spawn } = await import('node:child_process');
  const built = await Promise.all(
    suites.map(
      (suite) =>
        new Promise<Root | Error>((resolve) => {
          const child = spawn(process.execPath, [new URL(import.meta.url).pathname, cache, suite, ...packages], { stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          let err = '';
          child.stdout.on('data', (d) => {
            out += d;
          });
          child.stderr.on('data', (d) => {
            err += d;
            for (const l of String(d).split('\n').filter(Boolean)) log(l);
          });
          child.on('close', (code) => resolve(code === 0 ? (JSON.parse(out) as Root) : new Error(`${suite}: ${err.trim().split('\n').slice(-3).join(' ')}`)));
        }),
    ),
  );
  const failed = built.filter((b): b is Error => b instanceof Error);
  for (const f of failed) log(`roots: ${f.message}`);
  return built.filter((b): b is Root => !(b instanceof Error));
}

if (import.meta.main) {
  const [cache, suite, ...packages] = process.argv.slice(2);
  const root = buildRoot(cache!, suite!, packages, (l) => process.stderr.write(`${l}\n`));
  process.stdout.write(JSON.stringify(root));
}
