import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import type { Runbook, RunbookStep } from '../plan/runbook-model.ts';
import { doneChecks, runCheck, type CheckResult } from './done-when.ts';
import { run } from './exec.ts';
import { mapUtilityPrefix, type Mapped } from './prefix.ts';
import type { ConfigFile } from './services.ts';

export type Decision = { run: true; commands: Mapped[] } | { run: false; reason: string };

/** Sections whose database steps the rehearsal runs, in runbook order. Roll back restores backups: not rehearsed. */
const SECTIONS = ['prepare', 'offline-migrations', 'deploy-target', 'verify'];

/** A manage command of a service (keystone-manage, neutron-db-manage, ironic-dbsync, ...): a database step. */
const MANAGE = /^sudo -u \S+ \S*(-manage|-dbsync)(\s|$)/;

const SKIPS: [RegExp, string][] = [
  [/^(systemctl|service) /, 'starts or stops units: no service runs in the rehearsal'],
  [/^(mkdir|mysqldump|mysql) /, 'backs up or inspects the production database server: the rehearsal works on its own scratch databases'],
  [/^openstack /, 'calls the deployed APIs, which do not run in the rehearsal'],
  [/-status upgrade check/, 'an upgrade check: it also reads the running services and their full configuration'],
  [/ -m venv |^virtualenv |^curl |pip install|^grep -v /, "installs a utility: the rehearsal runs Debian's packages of that series instead"],
  [/-manage doctor/, "diagnoses the deployment's configuration (caching, debug, key repositories), which a rehearsal's minimal configuration fails by design"],
  [/oslo-config-validator/, "checks the operator's configuration files, which a rehearsal does not have"],
  [/manage\.py /, 'the dashboard keeps no database in the rehearsal'],
];

/** Whether a runbook step is a database step the rehearsal runs, and if not, why. */
export function decide(step: RunbookStep): Decision {
  if (step.commands.length === 0) return { run: false, reason: 'no command: the operator confirms its done-when' };
  for (const [pattern, reason] of SKIPS) if (step.commands.some((c) => pattern.test(c))) return { run: false, reason };
  if (!step.series) return { run: false, reason: "not run with a series' code" };
  const mapped = step.commands.map((c) => mapUtilityPrefix(c, step.series!));
  if (!mapped.every((m) => MANAGE.test(m.command))) return { run: false, reason: 'not a manage command of the service' };
  return { run: true, commands: mapped };
}

/**
 * The exit codes a step's done-when accepts. It says "exit code 0" for most steps; some name a
 * second success, e.g. nova's purge: "exit code 0 (rows deleted) or 3 (nothing to purge); 1, 2 or 4
 * is an error". Anything the text does not call a success is a failure.
 */
export function acceptedExits(doneWhen: string | undefined): number[] {
  const second = /^exit code 0(?: \([^)]*\))? or (\d+) \(([^)]*)\)/.exec(doneWhen ?? '');
  return second && !/error|fail/i.test(second[2]!) ? [0, Number(second[1])] : [0];
}

export interface StepRecord {
  id: string;
  section: string;
  /** Series whose root ran it, when it ran. */
  series?: string;
  commands: string[];
  ran: boolean;
  reason?: string;
  exit?: number;
  /** The exit code is not one the done-when accepts, or a check of its done-when failed. */
  failed?: boolean;
  /** What of the done-when was checked besides the exit code (see done-when.ts), with the outcome. */
  checks?: CheckResult[];
  seconds?: number;
  /** The last lines of its output, passwords removed. */
  output?: string;
}

/** The steps of one service, in runbook order, with the decision for each. */
export function serviceSteps(runbook: Runbook, service: string): { section: string; step: RunbookStep; decision: Decision }[] {
  return runbook.sections
    .filter((s) => SECTIONS.includes(s.id))
    .flatMap((s) => s.steps.filter((step) => step.service === service).map((step) => ({ section: s.id, step, decision: decide(step) })));
}

const CHROOT_ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', HOME: '/root' };

/** Runs one command line in a root as the runbook writes it, through /bin/sh like an operator's shell. */
export function inRoot(rootDir: string, command: string) {
  return run('chroot', [rootDir, '/bin/sh', '-c', command], { env: CHROOT_ENV });
}

export function writeConfig(rootDir: string, files: ConfigFile[]): void {
  // sudo looks the host name up on every call; without it in the root's /etc/hosts it warns into every output.
  const hosts = join(rootDir, 'etc/hosts');
  const name = hostname();
  if (!existsSync(hosts) || !readFileSync(hosts, 'utf8').split(/\s+/).includes(name)) appendFileSync(hosts, `127.0.1.1 ${name}\n`);
  for (const file of files) {
    const path = join(rootDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text, { mode: 0o644 });
  }
}

/** The tail of a command's output, for the report: enough to see why it failed. */
export function tail(text: string, lines = 15): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/**
 * Runs the service's steps in order, each command in its series' root; a step fails on the first
 * non-zero exit, and the run stops there like an operator would.
 */
export function runSteps(
  steps: ReturnType<typeof serviceSteps>,
  rootOf: (series: string) => string | undefined,
  redact: (text: string) => string,
  log: (line: string) => void,
  cells?: () => string[],
): StepRecord[] {
  const records: StepRecord[] = [];
  let failed = false;
  for (const { section, step, decision } of steps) {
    if (!decision.run) {
      records.push({ id: step.id, section, commands: step.commands, ran: false, reason: decision.reason });
      continue;
    }
    if (failed) {
      records.push({ id: step.id, section, commands: step.commands, ran: false, reason: 'not reached: an earlier step failed' });
      continue;
    }
    let seconds = 0;
    let exit = 0;
    let output = '';
    const series = decision.commands[0]!.series;
    const accepted = acceptedExits(step.doneWhen);
    for (const mapped of decision.commands) {
      const dir = rootOf(mapped.series);
      if (!dir) throw new Error(`no root for ${mapped.series} (${step.id})`);
      const result = inRoot(dir, mapped.command);
      seconds += result.seconds;
      output += result.stdout + result.stderr;
      exit = result.code;
      if (!accepted.includes(exit)) break;
    }
    const last = decision.commands.at(-1)!;
    const exitOk = accepted.includes(exit);
    // The done-when's other promises, checked only once the exit code says the step did its work.
    const checks = exitOk
      ? doneChecks(step.doneWhen, last.command).map((check) =>
          runCheck(check, {
            rootDir: rootOf(last.series)!,
            command: last.command,
            output,
            run: (command) => {
              const result = inRoot(rootOf(last.series)!, command);
              seconds += result.seconds;
              return { code: result.code, output: result.stdout + result.stderr };
            },
            cells,
          }),
        )
      : [];
    const ok = exitOk && checks.every((c) => c.ok);
    const record: StepRecord = {
      id: step.id,
      section,
      series,
      commands: decision.commands.map((c) => redact(c.command)),
      ran: true,
      exit,
      seconds: round(seconds),
      output: redact(tail(output)),
    };
    if (checks.length) record.checks = checks.map((c) => (c.detail ? { ...c, detail: redact(c.detail) } : c));
    if (!ok) record.failed = true;
    const checked = checks.length ? ` [${checks.map((c) => `${c.ok ? '' : 'NOT '}${c.what}`).join('; ')}]` : '';
    log(
      `  ${ok ? 'ok  ' : 'FAIL'} ${step.id} (${series}, ${record.seconds}s)${exit === 0 ? '' : ` exit ${exit}${exitOk ? ', accepted by its done-when' : ''}`}${checked}`,
    );
    if (!ok) {
      failed = true;
      log(
        record
          .output!.split('\n')
          .map((l) => `       ${l}`)
          .join('\n'),
      );
      for (const c of record.checks?.filter((c) => !c.ok) ?? []) log(`       done-when not met: ${c.what}${c.detail ? ` (${c.detail})` : ''}`);
    }
    records.push(record);
  }
  return records;
}

export const round = (n: number) => Math.round(n * 10) / 10;
