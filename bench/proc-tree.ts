import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What a measured child run cost: wall time and the peak summed RSS of its whole process tree. */
export interface TreeRun {
  code: number | null;
  wallMs: number;
  /** Peak of the sum of VmRSS over the child and all its descendants, sampled every `pollMs`. */
  peakRssBytes: number;
  /** Most processes seen alive at once in the tree. */
  peakProcesses: number;
  stdout: string;
  stderr: string;
}

export interface TreeRunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  pollMs?: number;
  /** Keep stdout in memory (default true); false drops it (large outputs). */
  captureStdout?: boolean;
}

/**
 * Spawns `command args` and polls /proc for the RSS of its process tree until it exits. Linux
 * only; on other systems peakRssBytes stays 0. Polling can miss a spike shorter than `pollMs`.
 *
 * Not `pidusage` (checked at 4.1.0): it reports the *current* RSS of PIDs the caller names. It does
 * not find a process's descendants (npm → sh → node → astro workers), and it keeps no peak, so
 * the /proc walk and the peak-of-the-sum polling below would stay ours and the library would
 * replace only the one VmRSS read. Per-process peaks (VmHWM, getrusage) do not add up to the
 * tree's peak either: the processes peak at different times.
 */
export function runTree(command: string, args: readonly string[], options: TreeRunOptions = {}): Promise<TreeRun> {
  const pollMs = options.pollMs ?? 50;
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      if (options.captureStdout !== false) stdout += d;
    });
    child.stderr.on('data', (d: string) => {
      stderr = (stderr + d).slice(-64 * 1024);
    });
    let peakRssBytes = 0;
    let peakProcesses = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const { rss, count } = treeRss(child.pid);
      if (rss > peakRssBytes) peakRssBytes = rss;
      if (count > peakProcesses) peakProcesses = count;
    };
    const timer = setInterval(sample, pollMs);
    sample();
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolvePromise({ code, wallMs: performance.now() - started, peakRssBytes, peakProcesses, stdout, stderr });
    });
  });
}

/** Sum of VmRSS (bytes) of `root` and every descendant, from one scan of /proc. */
export function treeRss(root: number): { rss: number; count: number } {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return { rss: 0, count: 0 };
  }
  const children = new Map<number, number[]>();
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    // pid (comm) state ppid …; comm may contain spaces and parentheses, so split after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  let rss = 0;
  let count = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const status = read(`/proc/${pid}/status`);
    const match = status && /^VmRSS:\s+(\d+) kB/m.exec(status);
    if (match) {
      rss += Number(match[1]) * 1024;
      count++;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { rss, count };
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
