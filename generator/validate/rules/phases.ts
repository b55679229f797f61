import type { Problem } from '../../problem.ts';
import type { Rule } from './rule.ts';

/** A step must be something an operator can do: commands or at least a completion check. */
export const stepsAreActionable: Rule = ({ releases }) => {
  const problems: Problem[] = [];
  for (const { value, file } of releases) {
    value.steps.forEach((step, i) => {
      if (step.commands.length === 0 && !step['done-when'] && step.notes.length === 0) {
        problems.push(
          file.problem(['steps', i], 'empty-step', `Step "${step.id}" has no commands, done-when or notes, expected something the operator can do or check`),
        );
      }
      if (step['before-start'] && step.phase !== 'verify') {
        problems.push(
          file.problem(
            ['steps', i, 'before-start'],
            'before-start-phase',
            `\`before-start\` only applies to verify steps, found it on step "${step.id}" of phase ${step.phase}; remove it`,
          ),
        );
      }
    });
  }
  return problems;
};
