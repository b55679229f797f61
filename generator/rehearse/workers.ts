import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from './report.ts';
import type { Run } from './supervise.ts';

/** Workers are this same command with --worker. */
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/**
 * Services rehearse independently (their own databases and configuration files), so they are spread
 * over worker processes; one service's runs stay in one worker, in order, since they share files.
 * With `controls`, one worker runs the negative controls instead.
 */
export async function inWorkers(
  run: Run,
  argv: string[],
  services: string[],
  jobs: number,
  url: string,
  log: (line: string) => void,
  controls = false,
): Promise<Report[]> {
  const buckets = controls ? [[]] : Array.from({ length: Math.min(jobs, services.length) }, (_, i) => services.filter((_, j) => j % jobs === i));
  // Not passed on: the parent's own choices, and --db, whose URL holds the password (workers get it in their environment).
  const own = ['--jobs', '--services', '--out', '--db'];
  const keep = argv.filter((a, i) => ![...own, '--record', '--replace'].includes(a) && !own.includes(argv[i - 1] ?? ''));
  return Promise.all(
    buckets.map(async (bucket, i) => {
      const out = join(run.dir, `part-${controls ? 'controls' : i}.json`);
      const args = [...keep, '--worker', ...(controls ? ['--controls-only'] : ['--services', bucket.join(',')]), '--out', out];
      const label = controls ? 'controls' : bucket.join(',');
      const code = await run.worker(CLI, args, { LEAPFROG_REHEARSE_DB: url }, (l) => log(`[${label}] ${l}`));
      if (run.interrupted) await run.interrupted;
      // A worker that crashed has written the runs it finished: taken as they are, its services' later
      // pairs would be missing without a word (a --all run lost 7 runs so, and with them the record's pairs).
      if (code !== 0) throw new Error(`worker for ${label} exited ${code} (see its log above); the report would miss its remaining runs`);
      try {
        return JSON.parse(readFileSync(out, 'utf8')) as Report;
      } catch {
        throw new Error(`worker for ${label} wrote no report`);
      }
    }),
  );
}
