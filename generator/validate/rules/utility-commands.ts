import { SERVICE_TOOL_PHASES } from '../../schema/release.ts';
import type { Problem } from '../../problem.ts';
import type { Rule } from './rule.ts';

/** oslo.config's validator: installed in every utility with the service's code (config-check steps). */
const LIBRARY_TOOLS = new Set(['oslo-config-validator']);

/** Shell syntax that would make the venv prefix apply to something other than the tool. */
const SHELL = /[;&|`$<>(){}\\\n*?!#~]/;

/**
 * A service-tool command is one invocation of a tool of the service's repository: the generator glues
 * `sudo -u <user> ` (and `<venv>/bin/` at a stop) in front of it, so `VAR=1 tool`, ` tool`, `sudo tool` or
 * `tool && other` would run something else, or run it as root from PATH.
 */
export const utilityCommandsAreTools: Rule = ({ releases, content }) => {
  const problems: Problem[] = [];
  for (const { value, file } of releases) {
    const service = content.getService(value.service);
    if (!service) continue;
    value.steps.forEach((step, i) => {
      if (step.utility === false || !SERVICE_TOOL_PHASES.includes(step.phase)) return;
      step.commands.forEach((command, j) => {
        const tool = /^[a-z][a-z0-9_.-]*/.exec(command)?.[0] ?? '';
        // The utility installs the service's repository: its console scripts are named after it.
        const project = service.repo.split('/')[1];
        const expected = `expected one command starting with a tool of ${service.repo} (${project}-…), or \`utility: false\` for other commands`;
        let found: string | undefined;
        if (!tool || !/^( |$)/.test(command.slice(tool.length))) found = `does not start with a tool name (${JSON.stringify(command.slice(0, 20))})`;
        else if (!tool.startsWith(`${project}-`) && !LIBRARY_TOOLS.has(tool)) found = `starts with \`${tool}\`, which is not a tool of ${service.repo}`;
        else if (SHELL.test(command)) found = `has shell syntax \`${SHELL.exec(command)![0].replace('\n', '\\n')}\``;
        if (found) problems.push(file.problem(['steps', i, 'commands', j], 'utility-command', `Utility command ${found}: ${expected}`));
      });
    });
  }
  return problems;
};
