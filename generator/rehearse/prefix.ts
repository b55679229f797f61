import { UTILITY_ROOT } from '../plan/steps/commands.ts';

/** How the rehearsal runs one runbook command: in which root, and the command line inside it. */
export interface Mapped {
  series: string;
  /** The runbook's command with the utility prefix mapped, run with /bin/sh -c inside the root. */
  command: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const VENV = new RegExp(`^(sudo -u \\S+ )${escapeRe(UTILITY_ROOT)}/([^/\\s]+)/bin/`);

/**
 * The only change the rehearsal makes to a runbook command: a utility's venv prefix
 * (`sudo -u nova /opt/leapfrog/zed/bin/nova-manage ...`) becomes the same command in the root
 * holding that series' Debian packages, whose bin/ is on PATH (`sudo -u nova nova-manage ...`).
 * A command on the installed code (`sudo -u nova nova-manage ...`, the source's or the target's)
 * runs unchanged in the root of the step's series. Another utility method (e.g. containers)
 * adds its own pattern here.
 */
export function mapUtilityPrefix(command: string, stepSeries: string): Mapped {
  const venv = VENV.exec(command);
  if (venv) return { series: venv[2]!, command: venv[1]! + command.slice(venv[0].length) };
  return { series: stepSeries, command };
}
