import { OFFLINE_PHASES } from '../../schema/release.ts';
import type { Problem } from '../../problem.ts';
import type { Rule } from './rule.ts';

/** Constraints point backwards in time: a min start or blocker later than its own series is a mistake. */
export const constraintsPointBack: Rule = ({ content, releases }) => {
  const problems: Problem[] = [];
  for (const { value: release, file } of releases) {
    const own = content.indexOf(release.series);
    if (own < 0) continue;
    const min = content.indexOf(release['min-start'].series);
    if (min > own) {
      problems.push(
        file.problem(
          ['min-start', 'series'],
          'min-start-later',
          `Min start "${release['min-start'].series}" is later than the series itself, expected "${release.series}" or earlier`,
        ),
      );
    }
    // Only a service's first series has nothing older to upgrade from; elsewhere it plans stops without a reason.
    const service = content.getService(release.service);
    if (min === own && service && content.indexOf(service.since) !== own) {
      problems.push(
        file.problem(
          ['min-start', 'series'],
          'min-start-self',
          `Min start "${release['min-start'].series}" is the series itself, expected an earlier series (only ${service.id}'s first series, ${service.since}, starts from itself)`,
        ),
      );
    }
    release.steps.forEach((step, i) => {
      const until = step['source-until'];
      if (until && content.indexOf(until) >= own) {
        problems.push(
          file.problem(
            ['steps', i, 'source-until'],
            'source-until-later',
            `\`source-until\` "${until}" is not earlier than "${release.series}": expected the last source series that needs this step`,
          ),
        );
      }
    });
    release.blockers.forEach((blocker, i) => {
      const required = content.indexOf(blocker.requires);
      if (required < 0) return;
      if (required >= own) {
        problems.push(
          file.problem(
            ['blockers', i, 'requires'],
            'blocker-forward',
            `Blocker requires "${blocker.requires}", which is not earlier than "${release.series}": expected an earlier series`,
          ),
        );
        return;
      }
      const target = content.release(blocker.requires, release.service);
      blocker.steps.forEach((stepId, j) => {
        const step = target?.steps.find((s) => s.id === stepId);
        if (!step) {
          const known = target?.steps.map((s) => s.id).join(', ') || 'none';
          problems.push(
            file.problem(
              ['blockers', i, 'steps', j],
              'unknown-step',
              `Blocker names step "${stepId}", which content/series/${blocker.requires}/${release.service}.yaml does not have; expected one of: ${known}`,
            ),
          );
        } else if (!OFFLINE_PHASES.includes(step.phase)) {
          // Only offline steps run at a stop; a gate on any other step would confirm work never scheduled.
          problems.push(
            file.problem(
              ['blockers', i, 'steps', j],
              'blocker-phase',
              `Blocker names step "${stepId}", a ${step.phase} step, which never runs at a stop: expected a ${OFFLINE_PHASES.join(', ')} step`,
            ),
          );
        }
      });
    });
  }
  return problems;
};
