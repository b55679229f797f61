import type { Problem } from '../problem.ts';
import type { Rule } from './rule.ts';

/** Constraints point backwards in time: a min start or blocker later than its own series is a mistake. */
export const constraintsPointBack: Rule = ({ content, releases }) => {
  const problems: Problem[] = [];
  for (const { value: release, file } of releases) {
    const own = content.indexOf(release.series);
    if (own < 0) continue;
    const min = content.indexOf(release['min-start'].series);
    if (min > own) {
      problems.push(file.problem(['min-start', 'series'], 'min-start-later',
        `Min start "${release['min-start'].series}" is later than the series itself, expected "${release.series}" or earlier`));
    }
    release.steps.forEach((step, i) => {
      const until = step['source-until'];
      if (until && content.indexOf(until) >= own) {
        problems.push(file.problem(['steps', i, 'source-until'], 'source-until-later',
          `\`source-until\` "${until}" is not earlier than "${release.series}": expected the last source series that needs this step`));
      }
    });
    release.blockers.forEach((blocker, i) => {
      const required = content.indexOf(blocker.requires);
      if (required < 0) return;
      if (required >= own) {
        problems.push(file.problem(['blockers', i, 'requires'], 'blocker-forward',
          `Blocker requires "${blocker.requires}", which is not earlier than "${release.series}": expected an earlier series`));
        return;
      }
      const target = content.release(blocker.requires, release.service);
      blocker.steps.forEach((stepId, j) => {
        if (!target?.steps.some((s) => s.id === stepId)) {
          const known = target?.steps.map((s) => s.id).join(', ') || 'none';
          problems.push(file.problem(['blockers', i, 'steps', j], 'unknown-step',
            `Blocker names step "${stepId}", which content/series/${blocker.requires}/${release.service}.yaml does not have; expected one of: ${known}`));
        }
      });
    });
  }
  return problems;
};
