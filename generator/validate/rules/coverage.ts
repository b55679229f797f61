import type { Problem } from '../../problem.ts';
import type { Rule } from './rule.ts';

/** A service needs a file for every series of its life, or the planner would see a hole. */
export const everySeriesCovered: Rule = ({ content, services, declared }) => {
  const problems: Problem[] = [];
  for (const { value: service, file } of services) {
    const first = content.indexOf(service.since);
    const last = service.until ? content.indexOf(service.until) : content.series.length - 1;
    if (first < 0 || last < 0 || !declared.services.has(service.id)) continue; // reported by other rules
    for (const series of content.series.slice(first, last + 1)) {
      if (!declared.releases.has(`${series.id}/${service.id}`)) {
        problems.push(
          file.problem(
            ['since'],
            'series-missing',
            `Missing content/series/${series.id}/${service.id}.yaml: ${service.id} lives from ${service.since} to ${service.until ?? 'now'}, expected a file for every series in between`,
          ),
        );
      }
    }
  }
  return problems;
};
