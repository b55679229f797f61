/**
 * Instructions, not milliseconds: `node bench/instructions.ts [--base=REF] [--rounds=N]`.
 *
 * This VM's speed moves by a third from one hour to the next, so a 5% change cannot be seen in
 * wall times. Valgrind's callgrind counts the instructions a process executes, which varies
 * ~1–2% between runs (the JIT's timing still moves what gets optimised). Each round runs the
 * generator worker's first pass of all pairs in the build's order (bench/generator-worker.ts, with
 * the load of the content snapshot) under callgrind, for this tree and, with --base, for a git worktree
 * of REF at the same time (2 cores), and prints both totals. Needs Debian's `valgrind`; ~2 minutes
 * a round. Not part of `npm run bench`: it answers "did this change help", not "what does it cost".
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

interface Options {
  base: string | undefined;
  rounds: number;
}

function options(argv: string[]): Options {
  const args = new Map(argv.map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
  const rounds = Number(args.get('rounds') ?? 3);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number ≥ 1');
  return { base: args.get('base'), rounds };
}

/** Instructions one first pass of the tree at `root` executes, counted by callgrind. */
function countOne(root: string, scratch: string, label: string): Promise<number> {
  const out = join(scratch, `${label}.callgrind`);
  const args = ['--tool=callgrind', '--smc-check=all-non-file', `--callgrind-out-file=${out}`, process.execPath];
  args.push(join(root, 'bench', 'generator-worker.ts'), join(root, 'content'), 'Infinity', 'build', '1');
  return new Promise((done, fail) => {
    const child = spawn('valgrind', args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      // callgrind reports on stderr: "==pid== Collected : 6830000000"
      const collected = /Collected : (\d+)/.exec(stderr);
      if (code !== 0 || !collected) fail(new Error(`callgrind on ${root} exited ${code}:\n${stderr.slice(-2000)}`));
      else done(Number(collected[1]));
    });
  });
}

/**
 * One pair rendered without callgrind first: a new worktree has no content snapshot yet
 * (generator/load/snapshot.ts, which keeps the newest 8) and a changed template is not yet
 * compiled, work the counted runs must not include for one tree and not the other.
 */
function warmUp(root: string): void {
  const run = spawnSync(process.execPath, [join(root, 'bench', 'generator-worker.ts'), join(root, 'content'), '0', 'build', '1'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`warm-up of ${root} failed:\n${run.stderr}`);
}

/** A worktree of `ref` sharing this tree's node_modules; removed when the script ends. */
function worktreeOf(ref: string, scratch: string): string {
  const dir = join(scratch, 'base');
  const added = spawnSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: ROOT, encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`git worktree add ${ref}: ${added.stderr}`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  // Files written in the last 3 s are keyed by their bytes as well (snapshot.ts, RACY_MS): wait
  // that out, or the warm-up's snapshot key would differ from the counted runs'.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3500);
  return dir;
}

const giga = (n: number) => `${(n / 1e9).toFixed(3)} G`;

async function main(): Promise<void> {
  const { base, rounds } = options(process.argv.slice(2));
  if (spawnSync('valgrind', ['--version']).status !== 0) throw new Error('valgrind is not installed (Debian: apt-get install valgrind)');
  const scratch = mkdtempSync(join(tmpdir(), 'leapfrog-instructions-'));
  const baseDir = base ? worktreeOf(base, scratch) : undefined;
  try {
    const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    const tree = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? ' + uncommitted changes' : ''}`;
    process.stdout.write(`first pass of all pairs, build order, instructions (callgrind); this tree: ${tree}${base ? `; base: ${base}` : ''}\n`);
    // The base first: its snapshot write may prune this tree's, which the second warm-up restores.
    if (baseDir) warmUp(baseDir);
    warmUp(ROOT);
    for (let round = 1; round <= rounds; round++) {
      const [mine, theirs] = await Promise.all([countOne(ROOT, scratch, 'tree'), baseDir ? countOne(baseDir, scratch, 'base') : undefined]);
      const change = theirs ? `  base ${giga(theirs)}  change ${(((mine - theirs) / theirs) * 100).toFixed(1)}%` : '';
      process.stdout.write(`round ${round}: tree ${giga(mine)}${change}\n`);
    }
  } finally {
    if (baseDir) spawnSync('git', ['worktree', 'remove', '--force', baseDir], { cwd: ROOT });
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) await main();
