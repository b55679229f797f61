import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './exec.ts';
import { baseRoot, must, tryLock } from './roots.ts';

/**
 * A Containerfile the runbook prints, built without a container engine: this machine's podman cannot
 * run containers (crun: setrlimit RLIMIT_NPROC), but chroot runs the same tree. Only what a chroot
 * can honour faithfully is accepted; anything else is refused by name, never skipped.
 */
export type Instruction =
  | { line: number; op: 'FROM'; suite: string }
  | { line: number; op: 'ENV'; vars: [string, string][] }
  | { line: number; op: 'RUN'; shell: string };

export class ContainerfileError extends Error {}

/** debian:<suite> as the runbook writes it (docker.io/library/debian:trixie) or shorter. */
const DEBIAN_IMAGE = /^(?:docker\.io\/)?(?:library\/)?debian:([a-z]+)$/;
/** ENV KEY=VALUE pairs without quotes or variables: anything else would need the engine's own expansion rules. */
const PLAIN_PAIR = /^([A-Za-z_][A-Za-z0-9_]*)=([^\s"'$\\]*)$/;

const refuse = (line: number, why: string) =>
  new ContainerfileError(`Containerfile line ${line}: ${why}; the chroot build honours FROM debian:<suite>, ENV KEY=VALUE and RUN <shell command> only`);

/** Logical lines (a trailing backslash continues one), without blank lines and comments, with their first line number. */
function logicalLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let pending: { line: number; text: string } | undefined;
  text.split('\n').forEach((raw, i) => {
    if (!pending && (raw.trim() === '' || raw.trimStart().startsWith('#'))) return;
    const continued = raw.endsWith('\\');
    const part = continued ? raw.slice(0, -1) : raw;
    pending = pending ? { line: pending.line, text: `${pending.text}${part}` } : { line: i + 1, text: part };
    if (!continued) {
      out.push(pending);
      pending = undefined;
    }
  });
  if (pending) out.push(pending);
  return out;
}

export function parseContainerfile(text: string): Instruction[] {
  const instructions = logicalLines(text).map(({ line, text: l }): Instruction => {
    const [, op = '', rest = ''] = /^\s*(\S+)\s*(.*)$/.exec(l) ?? [];
    const args = rest.trim();
    switch (op.toUpperCase()) {
      case 'FROM': {
        const suite = DEBIAN_IMAGE.exec(args)?.[1];
        if (!suite) throw refuse(line, `FROM ${args} is not a Debian image (only Debian's archive is reachable here)`);
        return { line, op: 'FROM', suite };
      }
      case 'ENV': {
        const pairs = args.split(/\s+/).map((p) => PLAIN_PAIR.exec(p));
        if (!args || pairs.some((p) => !p)) throw refuse(line, `ENV ${args} is not plain KEY=VALUE pairs`);
        return { line, op: 'ENV', vars: pairs.map((p) => [p![1]!, p![2]!]) };
      }
      case 'RUN':
        if (!args || args.startsWith('[') || args.startsWith('--') || args.startsWith('<<'))
          throw refuse(line, `RUN ${args.slice(0, 20)} is not a shell-form command`);
        return { line, op: 'RUN', shell: args };
      default:
        throw refuse(line, `${op} cannot be honoured by a chroot build`);
    }
  });
  const froms = instructions.filter((i) => i.op === 'FROM');
  if (instructions[0]?.op !== 'FROM' || froms.length !== 1)
    throw new ContainerfileError('Containerfile: exactly one FROM, first, is needed (no multi-stage builds in a chroot)');
  return instructions;
}

/** The cache key: a root is reused only for the very same Containerfile text. */
export const containerfileKey = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** podman's environment for RUN and for the image's commands, before the Containerfile's ENV. */
const ENGINE_ENV: Record<string, string> = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' };

export interface BuiltImage {
  dir: string;
  key: string;
  suite: string;
  /** The image's environment: the engine's defaults with the Containerfile's ENV applied. */
  env: Record<string, string>;
  /** Seconds this build took; 0 when the cache had it. */
  seconds: number;
}

const MARKER = '.leapfrog-image.json';
/** An install of a service's packages byte-compiles a few hundred modules: slow on a loaded machine. */
const RUN_TIMEOUT = 2 * 3600;

/** Builds the Containerfile into a root under <cache>/images/<key>, or returns the cached one. */
export function buildContainerfile(cache: string, text: string, log: (line: string) => void): BuiltImage {
  const instructions = parseContainerfile(text);
  const key = containerfileKey(text);
  const dir = join(cache, 'images', key);
  const done = () => ({ ...(JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as BuiltImage), dir, seconds: 0 });
  if (existsSync(join(dir, MARKER))) return done();
  mkdirSync(join(cache, 'images'), { recursive: true });
  while (!tryLock(`${dir}.lock`)) {
    if (existsSync(join(dir, MARKER))) return done();
    run('sleep', ['5']);
  }
  try {
    if (existsSync(join(dir, MARKER))) return done();
    return buildLocked(cache, instructions, key, dir, log);
  } finally {
    rmSync(`${dir}.lock`, { recursive: true, force: true });
  }
}

function buildLocked(cache: string, instructions: Instruction[], key: string, dir: string, log: (line: string) => void): BuiltImage {
  const started = Date.now();
  const suite = (instructions[0] as { suite: string }).suite;
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  log(`containerfile ${key}: FROM debian:${suite}: a copy of the debootstrap minbase root`);
  must(run('cp', ['-a', baseRoot(cache, suite, log), tmp]), 'copying the base root');
  asOfficialImage(tmp);
  const env = { ...ENGINE_ENV };
  // podman mounts /proc in every RUN; some maintainer scripts read it.
  must(run('mount', ['-t', 'proc', 'proc', join(tmp, 'proc')]), 'mounting /proc');
  try {
    for (const i of instructions) {
      if (i.op === 'ENV') for (const [k, v] of i.vars) env[k] = v;
      if (i.op !== 'RUN') continue;
      log(`containerfile ${key}: line ${i.line}: RUN ${i.shell.slice(0, 100)}`);
      // env -i: a RUN sees the image's environment only, never the rehearsal's.
      must(
        run('env', ['-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), 'chroot', tmp, '/bin/sh', '-c', i.shell], { timeoutSeconds: RUN_TIMEOUT }),
        `Containerfile line ${i.line} (RUN)`,
      );
    }
  } finally {
    run('umount', ['-l', join(tmp, 'proc')]);
  }
  const image: BuiltImage = { dir, key, suite, env, seconds: Math.round((Date.now() - started) / 1000) };
  writeFileSync(join(tmp, MARKER), `${JSON.stringify(image, null, 2)}\n`);
  renameSync(tmp, dir);
  return image;
}

/**
 * What docker.io/library/debian:<suite> adds to a debootstrap minbase tree (debuerreotype's
 * minimizing-config, scripts/debuerreotype-minimizing-config at 799473b): policy-rc.d exit 101, so
 * no daemon starts during a build, and dpkg without fsync. The cached base also holds sudo, which
 * no recipe uses. This machine's archive may be a snapshot past its Release files' Valid-Until, so
 * apt accepts their age here (signatures are still checked); a registry image needs no such line.
 */
function asOfficialImage(dir: string): void {
  writeFileSync(join(dir, 'usr/sbin/policy-rc.d'), '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  writeFileSync(join(dir, 'etc/dpkg/dpkg.cfg.d/docker-apt-speedup'), 'force-unsafe-io\n');
  writeFileSync(join(dir, 'etc/apt/apt.conf.d/99leapfrog-snapshot'), 'Acquire::Check-Valid-Until "false";\n');
  // podman gives every RUN the host's resolver configuration.
  rmSync(join(dir, 'etc/resolv.conf'), { force: true });
  writeFileSync(join(dir, 'etc/resolv.conf'), readFileSync('/etc/resolv.conf'));
}

/** Runs a command in a built image the way `podman run <image> <command...>` execs it: its environment, no shell. */
export function runInImage(image: BuiltImage, argv: string[], userspec?: string) {
  return run('env', [
    '-i',
    ...Object.entries(image.env).map(([k, v]) => `${k}=${v}`),
    'chroot',
    ...(userspec ? [`--userspec=${userspec}`] : []),
    image.dir,
    ...argv,
  ]);
}
