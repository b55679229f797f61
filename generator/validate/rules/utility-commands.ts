import { OFFLINE_PHASES } from '../../schema/release.ts';
import type { Problem } from '../problem.ts';
import type { Rule } from './rule.ts';

/** Shell syntax that would make the venv prefix apply to something other than the tool. */
const SHELL = /[;&|`$<>(){}\\\n*?!#~]/;

/**
 * A utility step's command is one invocation of a tool of the service's repository: the generator glues
 * `sudo -u <user> <venv>/bin/` in front of it, so `VAR=1 tool`, ` tool`, `sudo tool` or
 * `tool && other` would run something else, or run it as root from PATH.
 */
export const utilityCommandsAreTools: Rule = ({ releases, content }) => {
  const problems: Problem[] = [];
  for (const { value, file } of releases) {
    const service = content.getService(value.service);
    if (!service) continue;
    value.steps.forEach((step, i) => {
      if (step.utility === false || !OFFLINE_PHASES.includes(step.phase)) return;
      step.commands.forEach((command, j) => {
        const tool = /^[a-z][a-z0-9_.-]*/.exec(command)?.[0] ?? '';
        // The utility installs the service's repository: its console scripts are named after it.
        const project = service.repo.split('/')[1];
        const expected = `expected one command starting with a tool of ${service.repo} (${project}-…), or \`utility: false\` for other commands`;
        let found: string | undefined;
        if (!tool || !/^( |$)/.test(command.slice(tool.length))) found = `does not start with a tool name (${JSON.stringify(command.slice(0, 20))})`;
        else if (!tool.startsWith(`${project}-`)) found = `starts with \`${tool}\`, which is not a tool of ${service.repo}`;
        else if (SHELL.test(command)) found = `has shell syntax \`${SHELL.exec(command)![0].replace('\n', '\\n')}\``;
        if (found) problems.push(file.problem(['steps', i, 'commands', j], 'utility-command', `Utility command ${found}: ${expected}`));
      });
    });
  }
  return problems;
};
