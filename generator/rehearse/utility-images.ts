import type { Content } from '../content.ts';
import { containerHost } from '../plan/utility/hosts.ts';
import { containerfile, utilityRecipe } from '../plan/utility/recipe.ts';
import { buildContainerfile, containerfileKey, runInImage } from './containerfile.ts';
import { rehearsedService } from './services.ts';
import type { Shipped } from './shipped.ts';

/** One Containerfile the runbook prints for a stop whose series a Debian suite ships, and the manage command to ask. */
export interface ImageRequest {
  series: string;
  service: string;
  suite: string;
  /** The Prepare step's here-document body, byte for byte. */
  containerfile: string;
  /** Argument vectors run in the image, in order, each must exit 0; the last prints the version (e.g. keystone-manage --version). */
  commands: string[][];
}

/** One record of dist/rehearse/report.json's `containerfiles`. */
export interface ImageRecord extends ImageRequest {
  /** The cache key: a hash of the Containerfile text. */
  key: string;
  built: boolean;
  /** The cache already held this Containerfile's root. */
  reused?: boolean;
  seconds: number;
  /** What the command printed (last line). */
  printed?: string;
  /** The upstream version debian-series.json maps the suite's package to, for this series. */
  expected?: string;
  passed: boolean;
  failure?: string;
}

/** The manage command of a service: the program its rehearsal's schema creation runs (sudo -u <user> <program> ...). */
export function manageCommand(service: string): string | undefined {
  return /^sudo -u \S+ (\S+)/.exec(rehearsedService(service)?.create[0] ?? '')?.[1];
}

/**
 * neutron-db-manage has no --version: its oslo.config is called without a version
 * (neutron/db/migration/cli.py, read in trixie's 26.0.3: CONF(project='neutron')) and a subcommand
 * is required (it exits 2). Its --help still proves the code loads; the version comes from
 * neutron-sanity-check of the same package (neutron-common), which neutron's config sets up with one.
 */
const VERSION_FROM: Record<string, string[][]> = {
  'neutron-db-manage': [
    ['neutron-db-manage', '--help'],
    ['neutron-sanity-check', '--version'],
  ],
};

/** What to run in an image: the manage command's --version, or the fallback above. */
export const versionCommands = (manage: string) => VERSION_FROM[manage] ?? [[manage, '--version']];

/** Every Containerfile of Debian's packages the runbook can print, optionally for some suites and services only. */
export function imageRequests(content: Content, only: { suites?: string[]; services?: string[] } = {}): ImageRequest[] {
  return content.series.flatMap((series) =>
    content.services.flatMap((service): ImageRequest[] => {
      if (!service['debian-packages'] || (only.services && !only.services.includes(service.id))) return [];
      const recipe = utilityRecipe(content, series, service, containerHost(series));
      const manage = manageCommand(service.id);
      if (recipe.kind !== 'packages' || !manage || (only.suites && !only.suites.includes(recipe.os.codename))) return [];
      return [{ series: series.id, service: service.id, suite: recipe.os.codename, containerfile: containerfile(recipe), commands: versionCommands(manage) }];
    }),
  );
}

/**
 * Builds one Containerfile (or finds it cached) and runs the manage command's --version in it as
 * an unprivileged user without an entry in the image (the runbook runs as the host's service uid).
 * It passes when the version printed is the one the committed record maps that suite's package to,
 * and the record maps it to this very series.
 */
export function checkImage(cache: string, request: ImageRequest, recorded: Shipped[], log: (line: string) => void): ImageRecord {
  const base = { ...request, key: containerfileKey(request.containerfile) };
  const shipped = recorded.find((r) => r.suite === request.suite && r.service === request.service);
  const started = Date.now();
  let image: ReturnType<typeof buildContainerfile>;
  try {
    image = buildContainerfile(cache, request.containerfile, log);
  } catch (error) {
    return { ...base, built: false, seconds: Math.round((Date.now() - started) / 1000), passed: false, failure: (error as Error).message };
  }
  const runs = request.commands.map((argv) => ({ argv, ...runInImage(image, argv, '65534:65534') }));
  const failed = runs.find((r) => r.code !== 0);
  const last = runs.at(-1)!;
  // The last word of the last line: 27.0.0, or "neutron-sanity-check 26.0.3".
  const printed = (last.stdout.trim() || last.stderr.trim()).split('\n').at(-1)?.split(' ').at(-1) ?? '';
  const failure = failed
    ? `${failed.argv.join(' ')} exited ${failed.code}: ${(failed.stderr || failed.stdout).trim().split('\n').slice(-3).join(' ')}`
    : !shipped
      ? `debian-series.json has no ${request.service} for ${request.suite}`
      : shipped.series !== request.series
        ? `debian-series.json maps ${request.suite}'s ${shipped.package} ${shipped.debian} to ${shipped.series}, not ${request.series}`
        : printed !== shipped.upstream
          ? `printed ${printed}, expected ${shipped.upstream} (${shipped.package} ${shipped.debian})`
          : undefined;
  return {
    ...base,
    built: true,
    reused: image.seconds === 0,
    seconds: image.seconds,
    printed,
    expected: shipped?.upstream,
    passed: !failure,
    ...(failure ? { failure } : {}),
  };
}

/** Several Containerfiles at once, one process each (apt waits on the network most of the time), at most `jobs` together. */
export async function checkImages(
  cache: string,
  requests: ImageRequest[],
  recordPath: string,
  jobs: number,
  log: (line: string) => void,
): Promise<ImageRecord[]> {
  const { spawn } = await import('node:child_process');
  const results: ImageRecord[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      const request = requests[i]!;
      results[i] = await new Promise<ImageRecord>((resolve) => {
        const child = spawn(process.execPath, [new URL(import.meta.url).pathname, cache, recordPath], { stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
        });
        child.stderr.on('data', (d) => {
          for (const l of String(d).split('\n').filter(Boolean)) log(l);
        });
        child.on('close', (code) => {
          try {
            resolve(JSON.parse(out) as ImageRecord);
          } catch {
            resolve({
              ...request,
              key: containerfileKey(request.containerfile),
              built: false,
              seconds: 0,
              passed: false,
              failure: `the build process exited ${code} without a record`,
            });
          }
        });
        child.stdin.end(JSON.stringify(request));
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, requests.length)) }, worker));
  return results;
}

/** Counted apart from the runs, on a line of its own before the last line (which CI reads). */
export function imagesLine(records: ImageRecord[]): string {
  return `containerfiles: ${records.length} built and asked their version, ${records.filter((r) => !r.passed).length} failed`;
}

if (import.meta.main) {
  const { readFileSync } = await import('node:fs');
  const { readRecord } = await import('./shipped.ts');
  const [cache, recordPath] = process.argv.slice(2);
  const request = JSON.parse(readFileSync(0, 'utf8')) as ImageRequest;
  process.stdout.write(JSON.stringify(checkImage(cache!, request, readRecord(recordPath!), (l) => process.stderr.write(`${l}\n`))));
}
