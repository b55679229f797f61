import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tryLock } from './roots.ts';

const SIGNALS: [NodeJS.Signals, number][] = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];

/**
 * One rehearsal run as seen from the process the operator started. The steps run in worker
 * processes, each in its own process group, so this process stays free to answer Ctrl-C or
 * SIGTERM while a step blocks: it stops the workers with everything they started (chroot, sudo,
 * the manage command), drops the scratch databases the run created (the journal every
 * createDatabase appends to), stops its own MariaDB and removes its private folder (client options
 * file with the password, restored dump files, report parts), then exits 128 + the signal's number.
 */
export class Run {
  readonly dir: string;
  readonly journal: string;
  private readonly workers = new Set<ChildProcess>();
  private readonly cleanups: (() => void)[] = [];
  private cleaned = false;
  private readonly handlers: [NodeJS.Signals, () => void][];
  /** Set once a signal arrived; never resolves (the process exits when cleaning is done). */
  interrupted?: Promise<never>;

  private readonly log: (line: string) => void;

  constructor(log: (line: string) => void) {
    this.log = log;
    this.dir = mkdtempSync(join(tmpdir(), 'leapfrog-rehearse-run-'));
    this.journal = join(this.dir, 'created-databases');
    // Workers inherit both: their temporary files land in this folder, their databases in the journal.
    process.env.LEAPFROG_REHEARSE_TMP = this.dir;
    process.env.LEAPFROG_REHEARSE_JOURNAL = this.journal;
    this.handlers = SIGNALS.map(([signal, code]) => [
      signal,
      () => {
        this.interrupted ??= this.interrupt(signal, code);
      },
    ]);
    for (const [signal, handler] of this.handlers) process.on(signal, handler);
  }

  /** Cleanups run in reverse order of registration (drop the databases before stopping their server). */
  onCleanup(cleanup: () => void): void {
    this.cleanups.unshift(cleanup);
  }

  /** Scratch databases some process of this run created, in creation order. */
  created(): string[] {
    return existsSync(this.journal) ? [...new Set(readFileSync(this.journal, 'utf8').split('\n').filter(Boolean))] : [];
  }

  /** Starts a worker in its own process group; resolves with its exit code once it ended. */
  worker(script: string, args: string[], env: Record<string, string>, onLine: (line: string) => void): Promise<number | null> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
      this.workers.add(child);
      child.stderr!.on('data', (d) => {
        for (const l of String(d).split('\n').filter(Boolean)) onLine(l);
      });
      child.on('close', (code) => {
        this.workers.delete(child);
        done(code);
      });
    });
  }

  private async interrupt(signal: NodeJS.Signals, code: number): Promise<never> {
    this.log(`rehearse: ${signal}: stopping the steps, dropping this run's scratch databases, stopping its MariaDB`);
    const group = (sig: NodeJS.Signals) => {
      for (const w of this.workers) {
        try {
          process.kill(-w.pid!, sig);
        } catch {
          // already gone
        }
      }
    };
    group('SIGTERM');
    for (let i = 0; i < 100 && this.workers.size; i++) await new Promise((r) => setTimeout(r, 100));
    group('SIGKILL');
    for (let i = 0; i < 20 && this.workers.size; i++) await new Promise((r) => setTimeout(r, 100));
    this.cleanup();
    process.exit(code);
  }

  /** Idempotent: the normal end and a signal may both get here. */
  cleanup(): void {
    if (this.cleaned) return;
    this.cleaned = true;
    for (const cleanup of this.cleanups) {
      try {
        cleanup();
      } catch (error) {
        this.log(`rehearse: cleaning up: ${(error as Error).message}`);
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
    if (process.env.LEAPFROG_REHEARSE_TMP === this.dir) delete process.env.LEAPFROG_REHEARSE_TMP;
    if (process.env.LEAPFROG_REHEARSE_JOURNAL === this.journal) delete process.env.LEAPFROG_REHEARSE_JOURNAL;
    if (!this.interrupted) for (const [signal, handler] of this.handlers) process.off(signal, handler);
  }
}

/** Called by createDatabase: the run's journal of what it created, so an interrupted run drops exactly those. */
export function journalCreated(name: string): void {
  const journal = process.env.LEAPFROG_REHEARSE_JOURNAL;
  if (journal) appendFileSync(journal, `${name}\n`);
}

/**
 * One rehearsal at a time per roots cache: each root holds one configuration file per service
 * (/etc/nova/nova.conf, ...), which a second rehearsal would point at its own databases in the middle
 * of the first one's steps (seen: glance's purge of one run read the other's half-restored database).
 * Returns the holder's pid when another live rehearsal has the roots; else takes them until cleanup.
 */
export function holdRoots(run: Run, cache: string): string | undefined {
  const lock = join(cache, 'rehearsal.lock');
  for (let i = 0; i < 2; i++) {
    if (tryLock(lock)) {
      run.onCleanup(() => rmSync(lock, { recursive: true, force: true }));
      return undefined;
    }
  }
  return existsSync(join(lock, 'pid')) ? readFileSync(join(lock, 'pid'), 'utf8').trim() : 'unknown';
}
