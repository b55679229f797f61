import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The parts of a step's done-when a machine can check, beyond the exit code. Each is read from the
 * content's own wording, so a check exists only where the runbook promises something checkable:
 *   "prints <revision>"                        the step's output names that revision
 *   "<x>-manage ... then prints <revision>"    that follow-up command, run in the same root, does
 *   "holds keys 0 and 1" / "holds keys"        the key repository (the default path it names) holds them
 *   "the table lists cell0 and every cell"     list_cells names cell0 and every cell in nova_api
 *   online_data_migrations without --max-count: upstream's manage commands loop in batches until a
 *     batch migrates nothing, exit 2 when a migration raised and 0 otherwise; 1 ("run again") only
 *     with --max-count (nova/cmd/manage.py at 22.0.1, 26.2.2, 31.0.0, 33.0.2: `return ran and 1 or 0`;
 *     placement/cmd/manage.py at 4.0.0 to 15.0.0, the same; cinder/cmd/manage.py at 17.0.1 to 28.0.0:
 *     `sys.exit(1 if ran else 0)`; ironic/cmd/dbsync.py at 16.0.3 to 29.0.5: exit 0 after "Data
 *     migrations have completed"; the versions Debian ships, read in the rehearsal's roots). A second
 *     run must therefore exit 0 and report nothing completed.
 *   keystone's fernet_setup and credential_setup write key 0 and rotate once to key 1
 *     (keystone/common/fernet_utils.py, initialize_key_repository, at 22.0.2).
 * Anything else in a done-when is left to the operator and recorded as not checked.
 */
export type DoneCheck =
  | { kind: 'prints'; token: string }
  | { kind: 'then-prints'; command: string; token: string }
  | { kind: 'keys'; dir: string; names: string[] }
  | { kind: 'lists-cells' }
  | { kind: 'nothing-left' };

export interface CheckResult {
  what: string;
  ok: boolean;
  detail?: string;
}

/** What a check needs from the rehearsal: run a command in the step's root, read the rehearsed databases. */
export interface CheckContext {
  rootDir: string;
  /** The step's last command, as it ran, and its output. */
  command: string;
  output: string;
  run(command: string): { code: number; output: string };
  cells?(): string[];
}

const REVISION = '([0-9a-f]{12}|\\d+)\\b';
const MANAGE_PREFIX = /^(sudo -u \S+ )(\S+)/;

/** The checks a done-when promises for a step whose (mapped) command is `command`. */
export function doneChecks(doneWhen: string | undefined, command: string): DoneCheck[] {
  const text = (doneWhen ?? '').replace(/\s+/g, ' ');
  const checks: DoneCheck[] = [];
  const printed = new RegExp(`^prints ${REVISION}`).exec(text);
  if (printed) checks.push({ kind: 'prints', token: printed[1]! });
  const then = new RegExp(`(\\S+-manage [a-z_ ]+?) then prints ${REVISION}`).exec(text);
  const prefix = MANAGE_PREFIX.exec(command);
  // Only the step's own manage command, with the same user: the follow-up runs exactly like the step.
  if (then && prefix && prefix[2]!.split('/').pop() === then[1]!.split(' ')[0])
    checks.push({ kind: 'then-prints', command: `${prefix[1]}${then[1]}`, token: then[2]! });
  const keys = /key_repository \(default (\/[^)\s]+?)\/?\) holds keys( 0 and 1)?/.exec(text);
  if (keys) checks.push({ kind: 'keys', dir: keys[1]!, names: keys[2] ? ['0', '1'] : [] });
  if (/the table lists cell0 and every cell/.test(text)) checks.push({ kind: 'lists-cells' });
  if (/ online_data_migrations(\s|$)/.test(command) && !/--max[-_]count/.test(command)) checks.push({ kind: 'nothing-left' });
  return checks;
}

/** Rows of a prettytable whose last column is a number: the migrations table's Completed column. */
export function completedCounts(output: string): number[] {
  return output
    .split('\n')
    .map((l) => /^\|\s*\S.*\|\s*(\d+)\s*\|\s*$/.exec(l.trim()))
    .filter((m) => m !== null)
    .map((m) => Number(m[1]));
}

export function runCheck(check: DoneCheck, ctx: CheckContext): CheckResult {
  switch (check.kind) {
    case 'prints':
      return { what: `prints ${check.token}`, ok: new RegExp(`(^|\\s)${check.token}(\\s|$)`).test(ctx.output) };
    case 'then-prints': {
      const result = ctx.run(check.command);
      const ok = result.code === 0 && new RegExp(`(^|\\s)${check.token}(\\s|$)`).test(result.output);
      return {
        what: `${check.command.replace(MANAGE_PREFIX, '$2')} prints ${check.token}`,
        ok,
        ...(ok ? {} : { detail: result.output.trim().split('\n').slice(-3).join(' / ') }),
      };
    }
    case 'keys': {
      const dir = join(ctx.rootDir, check.dir);
      const present = existsSync(dir) ? readdirSync(dir) : [];
      const ok = check.names.length ? check.names.every((n) => present.includes(n)) : present.length > 0;
      return {
        what: `${check.dir} holds ${check.names.length ? `keys ${check.names.join(' and ')}` : 'keys'}`,
        ok,
        ...(ok ? {} : { detail: `found: ${present.join(', ') || 'nothing'}` }),
      };
    }
    case 'lists-cells': {
      const cells = ['cell0', ...(ctx.cells?.() ?? []).filter((c) => c !== 'cell0')];
      const missing = cells.filter((c) => !new RegExp(`\\|\\s*${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\|`).test(ctx.output));
      return { what: `lists ${cells.join(', ')}`, ok: missing.length === 0, ...(missing.length ? { detail: `not listed: ${missing.join(', ')}` } : {}) };
    }
    case 'nothing-left': {
      const result = ctx.run(ctx.command);
      const counts = completedCounts(result.output);
      const completed = counts.reduce((a, b) => a + b, 0);
      const ok = result.code === 0 && completed === 0;
      // ironic-dbsync prints no table (ironic/cmd/dbsync.py): there the exit code is all there is to read.
      const what = counts.length ? 'a second run exits 0 and migrates nothing' : 'a second run exits 0 (it prints no migrations table)';
      return { what, ok, ...(ok ? {} : { detail: `exit ${result.code}, ${completed} rows completed` }) };
    }
  }
}
