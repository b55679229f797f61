import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRunbook, loadContent } from '../generator/index.ts';
import { dropDatabase, parseServer, redactor, serviceUrl } from '../generator/rehearse/database.ts';
import { mapUtilityPrefix } from '../generator/rehearse/prefix.ts';
import { lastLine, rehearsalRecords, table, type Report } from '../generator/rehearse/report.ts';
import { rehearsalLine } from '../generator/plan/rehearsal-record.ts';
import { rootKey } from '../generator/rehearse/roots.ts';
import { acceptedExits, runSteps, serviceSteps } from '../generator/rehearse/run-steps.ts';
import { compareSchemas, explain, normaliseDump } from '../generator/rehearse/schema-diff.ts';
import { scratchName } from '../generator/rehearse/services.ts';
import { upstreamVersion } from '../generator/rehearse/shipped.ts';

const content = loadContent();

describe('rehearse: which runbook commands run, and how', () => {
  it('maps only the utility prefix: the venv bin/ goes, the rest of the command stays byte for byte', () => {
    assert.deepEqual(mapUtilityPrefix('sudo -u nova /opt/leapfrog/zed/bin/nova-manage db sync --local_cell', 'zed'), {
      series: 'zed',
      command: 'sudo -u nova nova-manage db sync --local_cell',
    });
    // Installed code (the source's own work, the target after deploy) runs in the step's series root, unchanged.
    assert.deepEqual(mapUtilityPrefix('sudo -u cinder cinder-manage db online_data_migrations', 'victoria'), {
      series: 'victoria',
      command: 'sudo -u cinder cinder-manage db online_data_migrations',
    });
  });

  it('runs the database steps of a real runbook in order and says why every other step is skipped', () => {
    const runbook = buildRunbook(content, { from: 'zed', to: 'epoxy', services: ['keystone'], fewestStops: true });
    const steps = serviceSteps(runbook, 'keystone');
    const ran = steps.filter((s) => s.decision.run).map((s) => s.step.id);
    assert.deepEqual(ran.filter((id) => id.startsWith('epoxy.keystone.')).slice(0, 3), [
      'epoxy.keystone.fernet-setup',
      'epoxy.keystone.credential-setup',
      'epoxy.keystone.db-sync',
    ]);
    assert.ok(ran.indexOf('epoxy.keystone.db-sync') < ran.indexOf('epoxy.keystone.verify-db-sync-check'), 'the check after the sync');
    const skipped = steps.filter((s) => !s.decision.run);
    assert.ok(skipped.length > 0);
    for (const s of skipped) assert.ok(!s.decision.run && s.decision.reason.length > 10, `${s.step.id} has a reason`);
    const backup = steps.find((s) => s.step.id === 'offline.backup.keystone')!;
    assert.equal(backup.decision.run, false);
  });
});

describe('rehearse: exit codes as the done-when says', () => {
  it('accepts a second success the done-when names, never an error code', () => {
    assert.deepEqual(acceptedExits('exit code 0 (rows deleted) or 3 (nothing to purge); 1, 2 or 4 is an error'), [0, 3]);
    assert.deepEqual(acceptedExits('exit code 0; 1 is a warning to investigate; 2 is a failure'), [0]);
    assert.deepEqual(acceptedExits('exit code 0 or 2 (a failure)'), [0]);
    assert.deepEqual(acceptedExits(undefined), [0]);
  });
});

describe('rehearse: scratch databases only', () => {
  it('names every database under the prefix, fresh installs included', () => {
    assert.equal(scratchName('nova_cell0', 'run'), 'leapfrog_rehearse_nova_cell0');
    assert.equal(scratchName('nova_api', 'fresh'), 'leapfrog_rehearse_fresh_nova_api');
  });

  it('refuses to drop a database outside the prefix before sending any SQL', () => {
    const server = parseServer('mysql://admin:s3cret-pw@127.0.0.1:1');
    assert.throws(() => dropDatabase(server, 'nova'), /not under leapfrog_rehearse_/);
    assert.throws(() => dropDatabase(server, 'leapfrog_rehearse_x`; DROP DATABASE nova; --'), /refusing/);
  });
});

describe('rehearse: passwords never appear in its output', () => {
  const password = 'pa:ss/w@rd-0123';
  const server = parseServer(`mysql://leapfrog:${encodeURIComponent(password)}@127.0.0.1:3306`);
  const redact = redactor([server.password]);

  it('removes the password, raw or URL-encoded, from any text', () => {
    const url = serviceUrl(server, 'leapfrog_rehearse_nova');
    assert.ok(url.includes(encodeURIComponent(password)));
    assert.ok(!redact(`connect ${url} and ${password}`).includes(password));
    assert.ok(!redact(url).includes(encodeURIComponent(password)));
  });

  it('a failing step whose output echoes the password is recorded without it', { skip: process.getuid?.() !== 0 ? 'chroot needs root' : false }, () => {
    // A command that prints a connection URL, as a crashing manage command's traceback can.
    const command = `echo "connection = ${serviceUrl(server, 'leapfrog_rehearse_nova')} ${password}"; exit 3`;
    const step = { id: 'x.nova.echo', title: 't', service: 'nova', series: 'zed', commands: [command], sources: [], notes: [] };
    const decision = { run: true as const, commands: [{ series: 'zed', command }] };
    const plain = runSteps(
      [{ section: 'offline-migrations', step, decision }],
      () => '/',
      (t) => t,
      () => {},
    );
    assert.ok(plain[0]!.output!.includes(password), 'without redaction the output carries it');
    const lines: string[] = [];
    const [record] = runSteps(
      [{ section: 'offline-migrations', step, decision }],
      () => '/',
      redact,
      (l) => lines.push(l),
    );
    assert.equal(record!.exit, 3);
    assert.ok(!JSON.stringify(record).includes(password) && !JSON.stringify(record).includes(encodeURIComponent(password)), JSON.stringify(record));
    assert.ok(!lines.join('\n').includes(password));
  });
});

describe('rehearse: schema comparison', () => {
  const fresh =
    'CREATE TABLE `t` (\n  `id` int(11) NOT NULL AUTO_INCREMENT,\n  `name` varchar(255) DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb3;\n';
  it('ignores AUTO_INCREMENT counters and column order (ALTER TABLE appends)', () => {
    const migrated =
      'CREATE TABLE `t` (\n  `name` varchar(255) DEFAULT NULL,\n  `id` int(11) NOT NULL AUTO_INCREMENT,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB AUTO_INCREMENT=90 DEFAULT CHARSET=utf8mb3;\n';
    assert.equal(compareSchemas('db', normaliseDump(migrated).join('\n'), normaliseDump(fresh).join('\n')).equal, true);
  });
  it('reports a column the fresh install does not have, with its table', () => {
    const migrated = fresh.replace('  PRIMARY KEY', '  `legacy` tinyint(1) DEFAULT NULL,\n  PRIMARY KEY');
    const result = compareSchemas('db', normaliseDump(migrated).join('\n'), normaliseDump(fresh).join('\n'));
    assert.equal(result.equal, false);
    assert.deepEqual(result.differences, ['+ t: `legacy` tinyint(1) DEFAULT NULL']);
  });
});

describe('rehearse: schema differences are explained or reported', () => {
  it('names the known causes and leaves anything else unexplained', () => {
    const result = explain([
      '+ endpoint: CONSTRAINT `CONSTRAINT_1` CHECK (`enabled` in (0,1))',
      '+ migrate_version: `version` int(11) DEFAULT NULL',
      '+ -- migrate_version: keystone_expand /usr/lib/python3/dist-packages/keystone 79',
      '- instances: `hidden` tinyint(1) DEFAULT NULL',
    ]);
    assert.equal(result.explained.length, 2);
    assert.deepEqual(result.unexplained, ['- instances: `hidden` tinyint(1) DEFAULT NULL']);
  });
  it('pairs a foreign key that differs only in its generated name, and nothing else', () => {
    const result = explain([
      '+ resource: CONSTRAINT `resource_ibfk_1` FOREIGN KEY (`stack_id`) REFERENCES `stack` (`id`)',
      '- resource: CONSTRAINT `resource_ibfk_2` FOREIGN KEY (`stack_id`) REFERENCES `stack` (`id`)',
      '+ stack: CONSTRAINT `stack_ibfk_1` FOREIGN KEY (`owner_id`) REFERENCES `stack` (`id`)',
    ]);
    assert.equal(result.explained[0]!.lines, 2);
    assert.deepEqual(result.unexplained, ['+ stack: CONSTRAINT `stack_ibfk_1` FOREIGN KEY (`owner_id`) REFERENCES `stack` (`id`)']);
  });
});

describe('rehearse: roots and versions', () => {
  it('keys the root cache by suite and package list, in any order', () => {
    assert.equal(rootKey('bookworm', ['a', 'b']), rootKey('bookworm', ['b', 'a']));
    assert.notEqual(rootKey('bookworm', ['a']), rootKey('trixie', ['a']));
    assert.notEqual(rootKey('bookworm', ['a']), rootKey('bookworm', ['a', 'b']));
  });
  it('reads upstream versions out of Debian versions', () => {
    assert.equal(upstreamVersion('2:18.0.0-3'), '18.0.0');
    assert.equal(upstreamVersion('2:33.0.0~rc1-1'), '33.0.0.0rc1');
    assert.equal(upstreamVersion('1:22.0.0+dfsg-2+deb12u1'), '22.0.0');
  });
});

describe('rehearse: report', () => {
  it('ends with the summary line and lists what could not be rehearsed with the missing series', () => {
    const report: Report = {
      date: '2026-12-02T00:00:00Z',
      shipped: [],
      runs: [
        {
          from: 'victoria',
          to: 'zed',
          service: 'keystone',
          policy: 'fewest',
          stops: ['zed'],
          rehearsable: true,
          steps_run: 9,
          failed: false,
          schema_equal: true,
          seconds: 30,
        },
        {
          from: 'victoria',
          to: 'zed',
          service: 'nova',
          policy: 'fewest',
          stops: ['zed'],
          rehearsable: true,
          steps_run: 3,
          failed: true,
          schema_equal: null,
          seconds: 10,
        },
      ],
      not_rehearsable: [{ from: 'victoria', to: 'zed', service: 'ironic', policy: 'fewest', missing: ['wallaby'] }],
    };
    assert.equal(lastLine(report), 'rehearse: 2 runs, 1 failed, 0 schema mismatches');
    assert.match(table(report), /victoria -> zed \(fewest\): missing wallaby: ironic/);
  });

  it('records a pair for the runbooks only when every rehearsed service passed', () => {
    const run = {
      from: 'zed',
      to: 'epoxy',
      service: 'keystone',
      policy: 'fewest' as const,
      stops: ['epoxy'],
      rehearsable: true,
      steps_run: 4,
      failed: false,
      schema_equal: true,
      seconds: 80,
    };
    const report: Report = {
      date: '2026-12-02T00:00:00Z',
      shipped: [],
      runs: [run, { ...run, service: 'glance', steps_run: 3 }, { ...run, from: 'victoria', to: 'zed', failed: true }],
      not_rehearsable: [{ from: 'zed', to: 'epoxy', service: 'ironic', policy: 'fewest', missing: ['zed'] }],
    };
    const records = rehearsalRecords(report);
    assert.deepEqual(
      records.map((r) => `${r.from}>${r.to}`),
      ['zed>epoxy'],
    );
    assert.equal(records[0]!.steps, 7);
    assert.equal(
      rehearsalLine(records[0]!),
      "Rehearsed with upstream code: 7 steps, schema equal (keystone, glance; Debian's packages, 2026-12-02); not rehearsed: ironic (no Debian package of zed).",
    );
  });
});
