import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** Small made-up content for planner and renderer tests, written as real YAML files. */
export interface SyntheticOptions {
  /** Series ids in order; versions are assigned 2020.1, 2020.2, 2021.1, … */
  series: string[];
  /** Series ids flagged SLURP. */
  slurp?: string[];
  services?: string[];
  /** `<series>/<service>` -> overrides merged into that release file. */
  releases?: Record<string, Record<string, unknown>>;
  /** `<service>` -> overrides merged into the service file. */
  serviceOverrides?: Record<string, Record<string, unknown>>;
  /** Series ids per service lifetime: `since` override. */
}

const SRC = 'https://opendev.org/openstack/example/src/tag/1.0.0/README.rst';

export function syntheticContent(options: SyntheticOptions): string {
  const root = mkdtempSync(join(tmpdir(), 'leapfrog-content-'));
  const services = options.services ?? ['alpha', 'beta'];
  mkdirSync(join(root, 'services'), { recursive: true });
  services.forEach((id, i) => {
    write(join(root, 'services', `${id}.yaml`), {
      id,
      name: id.charAt(0).toUpperCase() + id.slice(1),
      order: (i + 1) * 10,
      package: id,
      repo: `openstack/${id}`,
      'os-user': id,
      since: options.series[0],
      databases: [{ name: id }],
      units: [`${id}-api`],
      sources: [SRC],
      ...options.serviceOverrides?.[id],
    });
  });
  options.series.forEach((id, i) => {
    const dir = join(root, 'series', id);
    mkdirSync(dir, { recursive: true });
    const version = `${2020 + Math.floor(i / 2)}.${(i % 2) + 1}`;
    write(join(dir, 'series.yaml'), {
      id,
      name: id.charAt(0).toUpperCase() + id.slice(1),
      version,
      released: `${2020 + Math.floor(i / 2)}-0${(i % 2) * 6 + 3}-01`,
      slurp: options.slurp?.includes(id) ?? false,
      status: 'end-of-life',
      'code-ref': `${id}-eol`,
      'constraints-ref': `${id}-eol`,
      python: '3.8',
      sources: [SRC],
    });
    for (const service of services) {
      const since = options.serviceOverrides?.[service]?.since as string | undefined;
      if (since && options.series.indexOf(since) > i) continue;
      write(join(dir, `${service}.yaml`), {
        service,
        series: id,
        'min-start': { series: options.series[0], text: 'any older series', sources: [SRC] },
        steps: [
          { id: 'db-sync', phase: 'schema', title: `Sync ${service}`, commands: [`${service}-manage db sync`], sources: [SRC] },
          {
            id: 'online-data-migrations',
            phase: 'online',
            title: `Online migrations of ${service}`,
            commands: [`${service}-manage db online_data_migrations`],
            'done-when': 'exit code 0',
            sources: [SRC],
          },
          { id: 'upgrade-check', phase: 'verify', title: `Check ${service}`, commands: [`${service}-status upgrade check`], sources: [SRC] },
        ],
        ...options.releases?.[`${id}/${service}`],
      });
    }
  });
  return root;
}

function write(file: string, data: unknown): void {
  writeFileSync(file, stringify(data));
}
