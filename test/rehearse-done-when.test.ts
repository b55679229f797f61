import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildRunbook, loadContent } from '../generator/index.ts';
import { completedCounts, doneChecks, runCheck, type CheckContext } from '../generator/rehearse/done-when.ts';
import { serviceSteps } from '../generator/rehearse/run-steps.ts';

const content = loadContent();
/** The checks the rehearsal makes for each step it runs of a real runbook. */
const checksOf = (from: string, to: string, service: string) =>
  Object.fromEntries(
    serviceSteps(buildRunbook(content, { from, to, services: [service], fewestStops: true }), service).flatMap((s) =>
      s.decision.run ? [[s.step.id, doneChecks(s.step.doneWhen, s.decision.commands.at(-1)!.command)]] : [],
    ),
  );

// A migrations table as nova-manage prints it (nova/cmd/manage.py: Migration, Total Needed, Completed).
const table = (done: number) =>
  `Running batches of 50 until complete\n+-----------+--------------+-----------+\n| Migration | Total Needed | Completed |\n+-----------+--------------+-----------+\n| fill_virtual_interface_list | 2 | ${done} |\n| populate_uuids | 0 | 0 |\n+-----------+--------------+-----------+\n`;
const ctx = (over: Partial<CheckContext>): CheckContext => ({
  rootDir: '/nonexistent',
  command: 'sudo -u nova nova-manage db online_data_migrations',
  output: '',
  run: () => ({ code: 0, output: '' }),
  ...over,
});

describe('rehearse: done-when checks read from the content', () => {
  it('finds the machine-checkable promises of real steps, and only those', () => {
    const nova = checksOf('zed', 'epoxy', 'nova');
    assert.deepEqual(nova['prepare.zed.nova.db-version'], [{ kind: 'prints', token: 'ccb0fa1a2252' }]);
    assert.deepEqual(nova['epoxy.nova.api-db-sync'], [{ kind: 'then-prints', command: 'sudo -u nova nova-manage api_db version', token: 'cdeec0c85668' }]);
    assert.deepEqual(nova['epoxy.nova.online-data-migrations'], [{ kind: 'nothing-left' }]);
    assert.deepEqual(nova['epoxy.nova.list-cells'], [{ kind: 'lists-cells' }]);
    assert.deepEqual(nova['epoxy.nova.discover-hosts'], [], 'its listing depends on the computes: not checked');
    const keystone = checksOf('zed', 'epoxy', 'keystone');
    assert.deepEqual(keystone['epoxy.keystone.fernet-setup'], [{ kind: 'keys', dir: '/etc/keystone/fernet-keys', names: ['0', '1'] }]);
    assert.deepEqual(keystone['epoxy.keystone.credential-setup'], [{ kind: 'keys', dir: '/etc/keystone/credential-keys', names: [] }]);
    // placement names no revision ("the newest alembic revision of this release"): nothing to compare with.
    assert.deepEqual(checksOf('zed', 'epoxy', 'placement')['epoxy.placement.db-sync'], []);
  });

  it("never runs a follow-up of another program than the step's own", () => {
    assert.deepEqual(doneChecks('exit code 0; nova-manage db version then prints ccb0fa1a2252', 'sudo -u cinder cinder-manage db sync'), []);
    assert.deepEqual(
      doneChecks('exit code 0', 'sudo -u nova nova-manage db online_data_migrations --max-count 10'),
      [],
      'a batch with --max-count is not the whole loop',
    );
  });
});

describe('rehearse: done-when checks judged on real outcomes', () => {
  it('a second migrations run must exit 0 and complete nothing', () => {
    assert.deepEqual(completedCounts(table(2)), [2, 0]);
    assert.equal(runCheck({ kind: 'nothing-left' }, ctx({ run: () => ({ code: 0, output: table(0) }) })).ok, true);
    const left = runCheck({ kind: 'nothing-left' }, ctx({ run: () => ({ code: 0, output: table(2) }) }));
    assert.deepEqual([left.ok, left.detail], [false, 'exit 0, 2 rows completed']);
    assert.equal(runCheck({ kind: 'nothing-left' }, ctx({ run: () => ({ code: 2, output: table(0) }) })).ok, false);
  });

  it('a revision must be printed as a word, not inside a longer one', () => {
    assert.equal(runCheck({ kind: 'prints', token: '412' }, ctx({ output: '412\n' })).ok, true);
    assert.equal(runCheck({ kind: 'prints', token: '412' }, ctx({ output: '4120\n' })).ok, false);
    const then = runCheck(
      { kind: 'then-prints', command: 'sudo -u nova nova-manage api_db version', token: 'b30f573d3377' },
      ctx({ run: () => ({ code: 0, output: 'cdeec0c85668\n' }) }),
    );
    assert.deepEqual([then.ok, then.what], [false, 'nova-manage api_db version prints b30f573d3377']);
  });

  it('list_cells must name cell0 and every mapped cell', () => {
    const listing = '| Name | UUID |\n| cell0 | 0000 |\n| leapfrog-cell1 | 1eaf |\n';
    assert.equal(runCheck({ kind: 'lists-cells' }, ctx({ output: listing, cells: () => ['cell0', 'leapfrog-cell1'] })).ok, true);
    assert.equal(runCheck({ kind: 'lists-cells' }, ctx({ output: listing, cells: () => ['cell0', 'leapfrog-cell1', 'cell2'] })).detail, 'not listed: cell2');
  });

  it('key repositories are looked at in the root the step ran in', () => {
    const root = mkdtempSync(join(tmpdir(), 'leapfrog-keys-'));
    try {
      mkdirSync(join(root, 'etc/keystone/fernet-keys'), { recursive: true });
      writeFileSync(join(root, 'etc/keystone/fernet-keys/0'), 'k');
      const check = { kind: 'keys' as const, dir: '/etc/keystone/fernet-keys', names: ['0', '1'] };
      assert.equal(runCheck(check, ctx({ rootDir: root })).ok, false);
      writeFileSync(join(root, 'etc/keystone/fernet-keys/1'), 'k');
      assert.equal(runCheck(check, ctx({ rootDir: root })).ok, true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
