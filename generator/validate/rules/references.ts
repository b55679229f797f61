import type { Problem } from '../../problem.ts';
import type { Rule, RuleContext } from './rule.ts';

/** Every series or service named anywhere must exist; a typo would silently drop a constraint. */
export const referencesExist: Rule = (ctx) => {
  const problems: Problem[] = [];
  const seriesRef = (id: string | null | undefined, report: () => (m: string) => Problem) => {
    if (id && ctx.content.indexOf(id) < 0 && !ctx.declared.series.has(id))
      problems.push(report()(`Unknown series "${id}", expected one of: ${seriesIds(ctx)}`));
  };
  for (const { value, file } of ctx.services) {
    seriesRef(value.since, () => (m) => file.problem(['since'], 'unknown-series', m));
    seriesRef(value.until, () => (m) => file.problem(['until'], 'unknown-series', m));
    value.units.forEach((unit, i) => {
      if (typeof unit === 'string') return;
      seriesRef(unit.since, () => (m) => file.problem(['units', i, 'since'], 'unknown-series', m));
      seriesRef(unit.until, () => (m) => file.problem(['units', i, 'until'], 'unknown-series', m));
      seriesRef(unit['start-until'], () => (m) => file.problem(['units', i, 'start-until'], 'unknown-series', m));
    });
    value.databases.forEach((db, i) => {
      seriesRef(db.since, () => (m) => file.problem(['databases', i, 'since'], 'unknown-series', m));
      seriesRef(db.until, () => (m) => file.problem(['databases', i, 'until'], 'unknown-series', m));
      seriesRef(db['optional-until'], () => (m) => file.problem(['databases', i, 'optional-until'], 'unknown-series', m));
    });
  }
  for (const { value, file } of ctx.releases) {
    if (!ctx.content.getService(value.service) && !ctx.declared.services.has(value.service)) {
      const known = ctx.services
        .map((s) => s.value.id)
        .sort()
        .join(', ');
      problems.push(
        file.problem(
          ['service'],
          'unknown-service',
          `Unknown service "${value.service}", expected one of: ${known} (or add content/services/${value.service}.yaml)`,
        ),
      );
    }
    seriesRef(value.series, () => (m) => file.problem(['series'], 'unknown-series', m));
    seriesRef(value['min-start'].series, () => (m) => file.problem(['min-start', 'series'], 'unknown-series', m));
    for (const [i, b] of value.blockers.entries()) seriesRef(b.requires, () => (m) => file.problem(['blockers', i, 'requires'], 'unknown-series', m));
    for (const [i, step] of value.steps.entries())
      seriesRef(step['source-until'], () => (m) => file.problem(['steps', i, 'source-until'], 'unknown-series', m));
  }
  return problems;
};

function seriesIds(ctx: RuleContext): string {
  return ctx.content.series.map((s) => s.id).join(', ');
}
