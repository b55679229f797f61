import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRunbook, loadContent, toJson, type RunbookJson } from '../generator/index.ts';

/** The change window covers the whole cloud: data plane, housekeeping, configuration, roll back. */
const content = loadContent();
const runbook = (from: string, to: string, services?: string[]) => toJson(buildRunbook(content, { from, to, services }));
const ids = (json: RunbookJson, section?: string) => json.sections.filter((s) => !section || s.id === section).flatMap((s) => s.steps.map((x) => x.id));
const step = (json: RunbookJson, id: string) => {
  const found = json.sections.flatMap((s) => s.steps).find((s) => s.id === id);
  assert.ok(found, `missing ${id}`);
  return found;
};
const DATA_PLANE = /\.(compute|network|storage|bare-metal)$/;

test('the data plane stops before the first migration and comes back only after the whole control plane', () => {
  for (const [from, to] of [
    ['kilo', 'newton'],
    ['queens', 'train'],
    ['antelope', 'gazpacho'],
    ['juno', 'gazpacho'],
  ] as const) {
    const json = runbook(from, to);
    const offline = ids(json, 'offline-migrations');
    const firstWork = offline.findIndex((id) => !id.startsWith('offline.'));
    const dataStops = offline.filter((id) => id.startsWith('offline.stop.') && DATA_PLANE.test(id));
    assert.ok(dataStops.includes('offline.stop.nova.compute') && dataStops.includes('offline.stop.cinder.storage'), `${from}->${to}`);
    for (const id of dataStops) assert.ok(offline.indexOf(id) < firstWork, `${from}->${to}: ${id} after a migration`);
    const deploy = ids(json, 'deploy-target');
    const lastControl = Math.max(...deploy.map((id, i) => (/^deploy\.[a-z-]+\.start$/.test(id) || id.startsWith('deploy.web-server.') ? i : -1)));
    for (const id of deploy.filter((x) => x.startsWith('deploy.') && DATA_PLANE.test(x))) assert.ok(deploy.indexOf(id) > lastControl, `${from}->${to}: ${id}`);
    // L2 agents before the computes, on the compute nodes.
    assert.ok(deploy.indexOf('deploy.neutron.start.compute') < deploy.indexOf('deploy.nova.start.compute'), `${from}->${to}`);
    assert.deepEqual(step(json, 'deploy.nova.start.compute').hosts, ['compute']);
  }
});

test('placement is healed only after the computes are back and have reported', () => {
  const deploy = ids(runbook('newton', 'stein'), 'deploy-target');
  for (const id of ['deploy.nova.start.compute', 'stein.nova.discover-hosts', 'stein.nova.heal-allocations', 'stein.nova.sync-aggregates']) {
    assert.ok(deploy.includes(id), id);
  }
  assert.ok(deploy.indexOf('deploy.nova.start.compute') < deploy.indexOf('stein.nova.discover-hosts'));
  assert.ok(deploy.indexOf('stein.nova.discover-hosts') < deploy.indexOf('stein.nova.heal-allocations'));
  const ffu = ids(runbook('ussuri', 'wallaby', ['nova']), 'deploy-target');
  assert.ok(ffu.indexOf('wallaby.nova.allow-older-computes') < ffu.indexOf('deploy.nova.start'));
  assert.ok(ffu.indexOf('deploy.nova.start.compute') < ffu.indexOf('wallaby.nova.remove-older-computes-workaround'));
});

test("housekeeping runs with the source's code, only where the source has the command", () => {
  const prepare = (from: string, to: string) => ids(runbook(from, to), 'prepare');
  const juno = prepare('juno', 'kilo');
  assert.ok(juno.includes('prepare.juno.nova.archive-deleted-rows'));
  assert.ok(!juno.includes('prepare.juno.cinder.purge-deleted-rows'), 'cinder-manage db purge arrives in Kilo');
  assert.ok(!juno.includes('prepare.juno.glance.purge-deleted-rows'), 'glance-manage db purge arrives in Mitaka');
  assert.ok(prepare('queens', 'rocky').includes('prepare.queens.keystone.token-flush'));
  assert.ok(!prepare('stein', 'train').includes('prepare.stein.keystone.token-flush'), 'token_flush is gone in Stein');
  assert.ok(!prepare('queens', 'rocky').includes('prepare.queens.nova.purge-shadow-tables'), 'nova-manage db purge arrives in Rocky');
  assert.deepEqual(step(runbook('kilo', 'liberty'), 'prepare.kilo.nova.archive-deleted-rows').commands, [
    'sudo -u nova nova-manage db archive_deleted_rows --max_rows 1000',
  ]);
  assert.deepEqual(step(runbook('ocata', 'pike'), 'prepare.ocata.nova.archive-deleted-rows').commands, [
    'sudo -u nova nova-manage db archive_deleted_rows --until-complete --max_rows 1000 --verbose',
  ]);
  assert.deepEqual(step(runbook('train', 'ussuri'), 'prepare.train.nova.archive-deleted-rows').commands, [
    'sudo -u nova nova-manage db archive_deleted_rows --until-complete --all-cells --max_rows 1000 --verbose',
  ]);
  // In-flight operations are checked with the client, as written.
  assert.match(
    step(runbook('queens', 'rocky'), 'prepare.queens.nova.no-operations-in-flight').commands[0] ?? '',
    /^openstack server list --all-projects --long/,
  );
});

test("the carried-forward configuration is checked from the target's utility, only where oslo.config has the validator", () => {
  assert.ok(!ids(runbook('queens', 'rocky', ['nova']), 'prepare').includes('prepare.rocky.nova.config-check'), 'no validator before Stein');
  const check = step(runbook('rocky', 'stein', ['nova']), 'prepare.stein.nova.config-check');
  assert.match(
    check.commands[0] ?? '',
    /^sudo -u nova \/opt\/leapfrog\/stein\/bin\/oslo-config-validator --input-file \/etc\/nova\/nova\.conf( --namespace \S+)+$/,
  );
  const prepare = ids(runbook('rocky', 'stein', ['nova']), 'prepare');
  assert.ok(prepare.indexOf('prepare.utility.stein.nova') < prepare.indexOf('prepare.stein.nova.config-check'), 'after the utility exists');
});

test('a roll back drops the databases the upgrade created and restores the rest', () => {
  const json = runbook('kilo', 'newton', ['nova']);
  assert.deepEqual(step(json, 'rollback.drop.nova').commands, [
    'mysql -u root -p -e "DROP DATABASE IF EXISTS nova_api"',
    'mysql -u root -p -e "DROP DATABASE IF EXISTS nova_cell0"',
  ]);
  assert.deepEqual(step(json, 'rollback.restore.nova').commands, ['mysql -u root -p < /var/backups/leapfrog/kilo-nova.sql']);
  const order = ids(json, 'roll-back');
  assert.ok(order.indexOf('rollback.restore.nova') < order.indexOf('rollback.start.nova'));
  assert.ok(order.indexOf('rollback.stop.nova.compute') < order.indexOf('rollback.restore.nova'));
  assert.ok(ids(json, 'deploy-target').indexOf('deploy.point-of-no-return') < ids(json, 'deploy-target').indexOf('deploy.nova.start'));
});

test('what a crossed series needs in place is done on the running source cloud, before the window', () => {
  const prepare = ids(runbook('kilo', 'pike', ['nova']), 'prepare');
  assert.ok(prepare.includes('ocata.nova.create-placement-service'));
  assert.ok(prepare.indexOf('ocata.nova.create-placement-service') < prepare.indexOf('prepare.utility.liberty'));
  assert.match(step(runbook('kilo', 'pike', ['nova']), 'ocata.nova.create-placement-service').commands[0] ?? '', /^openstack user create /);
  assert.ok(!ids(runbook('ocata', 'pike', ['nova'])).includes('ocata.nova.create-placement-service'), 'an Ocata cloud has it');
});

test('the shared infrastructure is checked read-only before the window', () => {
  const json = runbook('antelope', 'caracal', ['nova']);
  const tables = step(json, 'prepare.infrastructure.tables').commands[0] ?? '';
  assert.match(tables, /^mysql -u root -p -e "SELECT .* FROM information_schema\.TABLES WHERE TABLE_SCHEMA IN \('nova', 'nova_api', 'nova_cell0'\)/);
  assert.deepEqual(step(json, 'prepare.infrastructure.versions').commands, ['mysql -u root -p -e "SELECT VERSION()"', 'rabbitmqctl status']);
  assert.ok(!ids(runbook('rocky', 'train', ['horizon'])).includes('prepare.infrastructure.tables'), 'no database, nothing to check');
});

test('what a crossed series removed or requires in the configuration is checked before the window, as written, on the hosts it names', () => {
  const kn = runbook('kilo', 'newton');
  assert.deepEqual(step(kn, 'prepare.mitaka.nova.api-database-connection').commands, ["grep -n -A4 '^\\[api_database\\]' /etc/nova/nova.conf"]);
  assert.deepEqual(step(kn, 'prepare.mitaka.nova.api-database-connection').hosts, ['controller']);
  assert.deepEqual(step(kn, 'prepare.newton.nova.compute-driver-name').hosts, ['compute']);
  assert.ok(!ids(runbook('mitaka', 'newton')).includes('prepare.mitaka.nova.api-database-connection'), 'a Mitaka source has its API database');
  const placement = ids(runbook('newton', 'pike', ['nova']), 'prepare');
  assert.ok(placement.includes('prepare.ocata.nova.placement-section'));
  assert.ok(!ids(runbook('ocata', 'pike', ['nova'])).includes('prepare.ocata.nova.placement-section'));
  const qt = runbook('queens', 'train');
  const prepare = ids(qt, 'prepare');
  for (const id of ['prepare.rocky.keystone.token-auth-and-uuid', 'prepare.stein.cinder.backup-driver-class']) {
    assert.ok(prepare.indexOf(id) > prepare.indexOf('prepare.utility.train.keystone'), `${id} after the utilities`);
    assert.ok(prepare.indexOf(id) < prepare.indexOf('prepare.train.keystone.config-check'), `${id} before the target's validator`);
    assert.ok(
      step(qt, id).commands.every((c) => c.startsWith('grep ')),
      `${id} runs as written`,
    );
  }
  assert.deepEqual(step(qt, 'prepare.stein.cinder.backup-driver-class').hosts, ['storage']);
  assert.ok(!ids(runbook('rocky', 'train')).includes('prepare.rocky.keystone.token-auth-and-uuid'), 'a Rocky source already runs without them');
  assert.ok(ids(runbook('rocky', 'train', ['placement']), 'prepare').includes('prepare.stein.placement.placement-database-connection'));
  assert.ok(
    !ids(runbook('stein', 'train', ['placement'])).includes('prepare.stein.placement.placement-database-connection'),
    'a Stein source has placement.conf',
  );
});

test('a roll back puts back the key repositories and removes those the leap created', () => {
  const json = runbook('queens', 'train', ['keystone']);
  const offline = ids(json, 'offline-migrations');
  const archive = '/var/backups/leapfrog/queens-keystone-key-repositories.tar.gz';
  assert.deepEqual(step(json, 'offline.backup.keystone.key-repositories').commands, [
    `tar -czf ${archive} --ignore-failed-read /etc/keystone/fernet-keys /etc/keystone/credential-keys`,
    `tar -tzf ${archive}`,
  ]);
  assert.ok(
    offline.includes('offline.stop.web-server') && offline.indexOf('offline.stop.web-server') < offline.indexOf('offline.backup.keystone.key-repositories'),
    'after keystone stops',
  );
  assert.ok(offline.indexOf('offline.backup.keystone.key-repositories') < offline.findIndex((id) => id.endsWith('.fernet-setup')), 'before a stop creates one');
  assert.deepEqual(step(json, 'rollback.restore.keystone.key-repositories').commands, [
    'rm -rf /etc/keystone/fernet-keys /etc/keystone/credential-keys',
    `tar -xzf ${archive} -C /`,
  ]);
  // Juno has neither repository: nothing to archive; the credential keys Newton creates are removed.
  const juno = runbook('juno', 'newton', ['keystone']);
  assert.ok(!ids(juno).includes('offline.backup.keystone.key-repositories'));
  assert.deepEqual(step(juno, 'rollback.restore.keystone.key-repositories').commands, ['rm -rf /etc/keystone/credential-keys']);
  assert.ok(!ids(runbook('juno', 'kilo', ['keystone'])).includes('rollback.restore.keystone.key-repositories'), 'no stop creates one');
});

test("a roll back reinstalls the source on data-plane hosts already upgraded and restores every host's configuration", () => {
  const json = runbook('queens', 'train');
  const back = ids(json, 'roll-back');
  assert.deepEqual(step(json, 'rollback.redeploy.nova.compute').hosts, ['compute']);
  assert.ok(back.indexOf('rollback.redeploy.nova.compute') < back.indexOf('rollback.start.nova.compute'));
  assert.ok(back.indexOf('rollback.redeploy.cinder.storage') < back.indexOf('rollback.restore.configuration'));
  assert.ok(back.indexOf('rollback.restore.configuration') < back.indexOf('rollback.restart.web-server'));
  assert.deepEqual(step(json, 'rollback.restore.configuration').commands, ['tar -xzf /var/backups/leapfrog/queens-configuration.tar.gz -C /']);
  assert.match(
    step(json, 'offline.backup.configuration').commands[1] ?? '',
    /^tar -czf \/var\/backups\/leapfrog\/queens-configuration\.tar\.gz --ignore-failed-read \/etc\/keystone \/etc\/glance /,
  );
  const offline = ids(json, 'offline-migrations');
  assert.ok(offline.indexOf('offline.backup.configuration') < offline.findIndex((id) => !id.startsWith('offline.')), 'before the first migration');
  assert.deepEqual(step(json, 'rollback.restore.configuration').hosts, ['controller', 'compute', 'network', 'storage', 'bare-metal']);
});

test('the database and message queue minimums the series crossed state are listed with the version check, and the gaps are said', () => {
  const notes = (from: string, to: string) =>
    buildRunbook(content, { from, to })
      .sections.flatMap((s) => s.steps)
      .find((s) => s.id === 'prepare.infrastructure.versions')!.notes;
  const antelope = notes('antelope', 'gazpacho');
  assert.ok(antelope.some((n) => n.startsWith('Ironic (Bare Metal) at Gazpacho: ') && n.includes('MariaDB 10.3')));
  assert.ok(antelope.some((n) => /^Unverified: .* RabbitMQ /.test(n)));
  assert.ok(!antelope.some((n) => /^Unverified: .* MariaDB\/MySQL /.test(n)));
  assert.ok(notes('xena', 'zed').some((n) => n.startsWith('Cinder (Block Storage) at Zed: ') && n.includes('MySQL 5.5')));
  assert.ok(
    notes('queens', 'train').some((n) => /^Unverified: .* MariaDB\/MySQL /.test(n)),
    'no statement before Zed',
  );
});

test("neutron's agents say what their restart does to traffic that kept running: OVS flows, HA routers, DVR", () => {
  const steps = buildRunbook(content, { from: 'queens', to: 'train', services: ['neutron'] }).sections.flatMap((s) => s.steps);
  const notes = (id: string) => steps.find((s) => s.id === id)!.notes.join('\n');
  // The network nodes come first; the compute nodes' step refers to the same note.
  assert.match(notes('deploy.neutron.start.network'), /drop_flows_on_start false.*keeps flowing/);
  assert.match(notes('deploy.neutron.start.network'), /keepalived/);
  assert.match(notes('deploy.neutron.start.compute'), /deploy\.neutron\.start\.network/);
  assert.match(notes('rollback.start.neutron.network'), /keepalived|deploy\.neutron\.start\.network/, 'the roll back starts them too');
  assert.doesNotMatch(notes('offline.stop.neutron.network'), /new cookie/, 'start notes are not stop notes');
  assert.match(notes('offline.stop.neutron.compute'), /agent_mode = dvr/);
});

test('console proxies a deployment may not run are stopped and started by their own commands, only while the series ships them', () => {
  const cmds = (from: string, to: string, id: string) => step(runbook(from, to, ['nova']), id).commands;
  assert.deepEqual(cmds('queens', 'train', 'offline.stop.nova'), [
    'systemctl stop nova-api nova-scheduler nova-conductor nova-consoleauth nova-novncproxy',
    'systemctl stop nova-spicehtml5proxy',
    'systemctl stop nova-serialproxy',
    'systemctl stop nova-xvpvncproxy',
  ]);
  assert.deepEqual(cmds('queens', 'train', 'deploy.nova.start').slice(1), [
    'systemctl start nova-spicehtml5proxy',
    'systemctl start nova-serialproxy',
    'systemctl start nova-xvpvncproxy',
  ]);
  assert.deepEqual(
    cmds('train', 'ussuri', 'deploy.nova.start').slice(1),
    ['systemctl start nova-spicehtml5proxy', 'systemctl start nova-serialproxy'],
    'nova-xvpvncproxy is gone in Ussuri',
  );
  assert.deepEqual(step(runbook('epoxy', 'gazpacho', ['ironic']), 'offline.stop.ironic').commands, [
    'systemctl stop ironic-api',
    'systemctl stop ironic-novncproxy',
  ]);
});

test("horizon's database-backed session tables are migrated after deploy from Liberty on, never before", () => {
  assert.deepEqual(step(runbook('kilo', 'liberty', ['horizon']), 'liberty.horizon.sessions-migrate').commands, [
    '/usr/share/openstack-dashboard/manage.py migrate',
  ]);
  assert.ok(ids(runbook('newton', 'ocata', ['horizon']), 'deploy-target').includes('ocata.horizon.sessions-migrate'));
  assert.ok(!ids(runbook('juno', 'kilo', ['horizon'])).some((id) => id.endsWith('.sessions-migrate')), 'Kilo has no such step');
});
