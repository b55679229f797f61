import type { YamlFile } from '../../load/yaml-file.ts';
import type { Problem } from '../../problem.ts';
import type { Rule } from './rule.ts';

/**
 * `since` comes no later than `until`: a database whose range is swapped exists at no series, so
 * it would silently drop out of Backups and Roll back.
 */
export const lifespansInOrder: Rule = ({ services, content }) => {
  const problems: Problem[] = [];
  const check = (file: YamlFile, path: (string | number)[], what: string, since: string | null | undefined, until: string | null | undefined) => {
    const a = since ? content.indexOf(since) : -1;
    const b = until ? content.indexOf(until) : -1;
    if (a >= 0 && b >= 0 && a > b) {
      problems.push(
        file.problem(
          [...path, 'until'],
          'lifespan-order',
          `${what} lives until "${until}", which is before its since "${since}": expected until at or after since (swapped?)`,
        ),
      );
    }
  };
  for (const { value: service, file } of services) {
    check(file, [], `Service ${service.id}`, service.since, service.until);
    service.databases.forEach((db, i) => {
      check(file, ['databases', i], `Database ${db.name}`, db.since ?? service.since, db.until ?? service.until);
    });
    service.units.forEach((unit, i) => {
      if (typeof unit !== 'string') check(file, ['units', i], `Unit ${unit.name}`, unit.since ?? service.since, unit.until ?? service.until);
    });
  }
  return problems;
};
