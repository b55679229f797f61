import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRunbook, forwardPairs, loadContent, toJson, type RunbookJson } from '../generator/index.ts';

/** The audit's defect classes, checked on the real content across the pairs they touch. */
const content = loadContent();
const runbook = (from: string, to: string, services?: string[], fewestStops = false) => toJson(buildRunbook(content, { from, to, services, fewestStops }));
const steps = (json: RunbookJson, section?: string) => json.sections.filter((s) => !section || s.id === section).flatMap((s) => s.steps);
const ids = (json: RunbookJson, section?: string) => steps(json, section).map((s) => s.id);
const step = (json: RunbookJson, id: string) => {
  const found = steps(json).find((s) => s.id === id);
  assert.ok(found, `missing ${id}`);
  return found;
};
const before = (list: string[], a: string, b: string) => {
  assert.ok(list.includes(a), `missing ${a}`);
  assert.ok(list.includes(b), `missing ${b}`);
  assert.ok(list.indexOf(a) < list.indexOf(b), `${a} should come before ${b}`);
};
const at = (series: string) => content.indexOf(series);
/** Notes are not in the JSON contract: read them from the runbook model. */
const notes = (from: string, to: string, services: string[] | undefined, id: string) => {
  const found = buildRunbook(content, { from, to, services })
    .sections.flatMap((s) => s.steps)
    .find((s) => s.id === id);
  assert.ok(found, `missing ${id}`);
  return found.notes.join(' ');
};
const allPairs = forwardPairs(content).map(([f, t]) => [f.id, t.id] as const);

test('web-served APIs: apache2 is stopped once before the migrations and started once, never as a per-API unit', () => {
  for (const [from, to] of allPairs) {
    const json = runbook(from, to);
    const commands = steps(json).flatMap((s) => s.commands);
    if (at(from) >= at('pike'))
      assert.ok(!commands.some((c) => /^systemctl (stop|start) .*\bcinder-api\b/.test(c)), `${from}->${to} cinder-api runs under apache2 from Pike`);
    assert.ok(!commands.some((c) => /\bsystemctl \w+ .*nova-placement-api/.test(c)), `${from}->${to}: nova-placement-api is a WSGI site, not a unit`);
    const offline = steps(json, 'offline-migrations');
    const stopsApache = offline.filter((s) => s.commands.some((c) => /^systemctl stop .*\bapache2\b/.test(c)));
    assert.ok(stopsApache.length <= 1, `${from}->${to}: apache2 stopped ${stopsApache.length} times`);
    if (stopsApache.length) assert.equal(stopsApache[0]?.id, 'offline.stop.web-server');
    const startsApache = steps(json, 'deploy-target').filter((s) => s.commands.some((c) => /^systemctl (start|restart) .*\bapache2\b/.test(c)));
    assert.ok(startsApache.length <= 1, `${from}->${to}: apache2 started ${startsApache.length} times`);
  }
  const json = runbook('queens', 'rocky');
  assert.deepEqual(step(json, 'offline.stop.web-server').commands, ['systemctl stop apache2']);
  assert.match(
    notes('queens', 'rocky', undefined, 'offline.stop.web-server'),
    /keystone \(Keystone.*cinder-wsgi \(Cinder.*nova-placement-api \(Nova.*openstack-dashboard \(Horizon/,
  );
  // The web server starts after every service's code is deployed.
  const deploy = ids(json, 'deploy-target');
  for (const id of deploy.filter((i) => i.endsWith('.install'))) before(deploy, id, 'deploy.web-server.apache2.start');
});

test('placement split: Stein never starts nova-placement-api again, and a Stein source runs the whole move from the Stein utility', () => {
  const toStein = runbook('rocky', 'stein');
  step(toStein, 'deploy.web-server.apache2.start');
  assert.doesNotMatch(notes('rocky', 'stein', undefined, 'deploy.web-server.apache2.start'), /nova-placement-api/);
  const fromStein = runbook('stein', 'train', ['nova', 'placement']);
  assert.deepEqual(
    fromStein.stops.map((s) => s.series),
    ['stein', 'train'],
  );
  const offline = ids(fromStein, 'offline-migrations');
  for (const id of ['create-database', 'db-sync', 'migrate-db-config', 'move-data-from-nova-api', 'stamp-initial-revision', 'online-data-migrations']) {
    before(offline, `stein.placement.${id}`, 'train.placement.db-sync');
  }
  assert.deepEqual(step(fromStein, 'stein.placement.db-sync').commands, ['sudo -u placement /opt/leapfrog/stein/bin/placement-manage db sync']);
  assert.ok(ids(fromStein, 'prepare').includes('prepare.utility.stein.placement'));
  // A Stein cloud on nova's placement has no placement database to dump yet.
  assert.match(step(fromStein, 'offline.backup.placement').commands.join('\n'), /information_schema\.SCHEMATA WHERE SCHEMA_NAME = 'placement'/);
});

test("the target's status checks run from its utility before its services start; post-start work after they run", () => {
  for (const [from, to] of allPairs.filter(([, t]) => at(t) >= at('stein'))) {
    const json = runbook(from, to);
    const deploy = ids(json, 'deploy-target');
    for (const service of json.services) {
      const check = steps(json, 'deploy-target').find((s) => s.service === service && s.id.startsWith(`deploy.${service}.`) && s.id.includes('upgrade-check'));
      if (!check) continue;
      assert.match(check.commands[0] ?? '', new RegExp(`/opt/leapfrog/${to}/bin/\\S+-status upgrade check$`), `${from}->${to} ${check.id}`);
      const start = deploy.find((id) => id === `deploy.${service}.start` || id.startsWith('deploy.web-server.'));
      if (start && deploy.indexOf(start) > deploy.indexOf(check.id)) continue;
      assert.ok(
        !deploy.includes(`deploy.${service}.start`) || deploy.indexOf(check.id) < deploy.indexOf(`deploy.${service}.start`),
        `${from}->${to} ${check.id}`,
      );
    }
    if (at(to) >= at('ussuri')) before(deploy, 'deploy.nova.start', `${to}.nova.post-deploy-online-data-migrations`);
  }
});

test('cinder: leaps from Liberty or older remove the versionless service rows before cinder starts', () => {
  for (const to of ['newton', 'queens', 'rocky', 'gazpacho']) {
    const deploy = ids(runbook('liberty', to, ['cinder']), 'deploy-target');
    before(deploy, `${to}.cinder.remove-stale-services`, 'deploy.cinder.start');
  }
  assert.deepEqual(step(runbook('kilo', 'newton', ['cinder']), 'newton.cinder.remove-stale-services').commands, [
    'sudo -u cinder cinder-manage service list',
    'sudo -u cinder cinder-manage service remove BINARY HOST',
  ]);
  assert.ok(!ids(runbook('mitaka', 'newton', ['cinder'])).includes('newton.cinder.remove-stale-services'), 'Mitaka services wrote their versions');
});

test('nova: allocations are healed after leaps from before Ocata, aggregates mirrored from before Rocky', () => {
  const json = runbook('newton', 'rocky', ['nova']);
  const deploy = ids(json, 'deploy-target');
  before(deploy, 'deploy.nova.start', 'rocky.nova.heal-allocations');
  before(deploy, 'rocky.nova.heal-allocations', 'rocky.nova.sync-aggregates');
  assert.deepEqual(step(json, 'rocky.nova.heal-allocations').commands, ['sudo -u nova nova-manage placement heal_allocations --verbose']);
  assert.ok(!ids(runbook('ocata', 'rocky', ['nova'])).includes('rocky.nova.heal-allocations'));
  assert.ok(ids(runbook('ocata', 'rocky', ['nova'])).includes('rocky.nova.sync-aggregates'));
  assert.ok(!ids(runbook('rocky', 'stein', ['nova'])).includes('stein.nova.sync-aggregates'));
  // Pike and Queens have no heal command: the runbook says so instead of guessing one.
  assert.deepEqual(step(runbook('newton', 'pike', ['nova']), 'pike.nova.allocations-not-healed').commands, []);
  // Wallaby and later refuse to start next to computes older than their window, unless told.
  assert.ok(ids(runbook('ussuri', 'wallaby', ['nova'])).includes('wallaby.nova.allow-older-computes'));
  assert.ok(!ids(runbook('victoria', 'wallaby', ['nova'])).includes('wallaby.nova.allow-older-computes'));
});

test('backups are taken after every service stopped, only of databases the source has, and new databases get grants', () => {
  for (const [from, to] of allPairs) {
    const offline = ids(runbook(from, to), 'offline-migrations');
    const lastStop = Math.max(...offline.map((id, i) => (id.startsWith('offline.stop.') ? i : -1)));
    const firstBackup = offline.findIndex((id) => id.startsWith('offline.backup.'));
    if (firstBackup >= 0) assert.ok(firstBackup > lastStop, `${from}->${to}: a backup before a stop`);
    assert.ok(!ids(runbook(from, to), 'prepare').some((id) => id.startsWith('prepare.backup')));
  }
  assert.ok(!ids(runbook('rocky', 'train', ['placement'])).includes('offline.backup.placement'), 'Rocky has no placement database');
  assert.match(step(runbook('newton', 'ocata', ['nova']), 'offline.backup.nova').commands.join('\n'), /SCHEMA_NAME = 'nova_cell0'/);
  assert.doesNotMatch(step(runbook('ocata', 'pike', ['nova']), 'offline.backup.nova').commands.join('\n'), /SCHEMATA/);
  const create = step(runbook('liberty', 'mitaka', ['nova']), 'mitaka.nova.create-api-database').commands;
  assert.ok(create.every((c) => c.startsWith('mysql -u root -p -e ')));
  assert.ok(create.some((c) => c.includes("GRANT ALL PRIVILEGES ON nova_api.* TO 'nova'@'%'")));
});

test('units of the source are all stopped, on the hosts they run on', () => {
  assert.match(step(runbook('ocata', 'pike', ['nova']), 'offline.stop.nova').commands[0] ?? '', /\bnova-cert\b/);
  assert.doesNotMatch(step(runbook('pike', 'queens', ['nova']), 'offline.stop.nova').commands[0] ?? '', /\bnova-cert\b/);
  const cinder = runbook('queens', 'rocky', ['cinder']);
  assert.deepEqual(step(cinder, 'offline.stop.cinder').commands, ['systemctl stop cinder-scheduler']);
  assert.deepEqual(step(cinder, 'offline.stop.cinder.storage').commands, ['systemctl stop cinder-volume cinder-backup']);
  assert.match(step(cinder, 'offline.stop.cinder.storage').title, /every storage node/);
  assert.deepEqual(step(runbook('queens', 'rocky', ['ironic']), 'offline.stop.ironic.bare-metal').commands, ['systemctl stop ironic-conductor']);
});

test("utilities: both MySQL drivers where the constraints pin MySQLdb, and the service's own pin dropped for its install", () => {
  const old = runbook('kilo', 'liberty', ['nova']);
  assert.match(step(old, 'prepare.utility.liberty').commands.at(-1)!, / PyMySQL MySQL-python$/);
  const neutron = step(runbook('rocky', 'stein', ['neutron']), 'prepare.utility.stein.neutron').commands;
  assert.deepEqual(neutron, [
    "grep -v -i '^neutron===' /opt/leapfrog/stein/upper-constraints.txt > /opt/leapfrog/stein/constraints-neutron.txt",
    "/opt/leapfrog/stein/bin/pip install -c /opt/leapfrog/stein/constraints-neutron.txt 'neutron @ git+https://opendev.org/openstack/neutron@stein-eol'",
  ]);
  const driver = step(runbook('kilo', 'queens', ['nova']), 'prepare.database-driver');
  assert.match(driver.commands[0] ?? '', /^grep -rlE .* \/etc\/nova$/, 'lists files, never prints a password');
  assert.match(notes('kilo', 'queens', ['nova'], 'prepare.database-driver'), /Queens install PyMySQL only/);
});

test('ironic: fewest stops never skip to a release whose dbsync cannot open the database', () => {
  const stops = (from: string, to: string) => runbook(from, to, ['ironic'], true).stops.map((s) => s.series);
  for (const to of ['ussuri', 'victoria', 'wallaby'])
    assert.ok(
      stops('rocky', to).some((s) => s === 'stein' || s === 'train'),
      `rocky->${to}`,
    );
  assert.ok(stops('queens', 'xena').includes('rocky'), 'migrate_vif_port_id runs before Ussuri');
  for (const to of ['flamingo', 'gazpacho']) assert.ok(stops('caracal', to).includes('epoxy'), `caracal->${to}`);
});

test('horizon commands run as pasted: the packaged manage.py path, no service user', () => {
  for (const s of steps(runbook('queens', 'gazpacho', ['horizon']), 'deploy-target')) {
    for (const c of s.commands.filter((x) => x.includes('manage.py'))) assert.match(c, /^\/usr\/share\/openstack-dashboard\/manage\.py \w+$/);
  }
});

test('the web server starts after the status checks of every API it serves, and a roll back starts what it stopped', () => {
  const deploy = ids(runbook('antelope', 'gazpacho'), 'deploy-target');
  for (const service of ['keystone', 'cinder', 'placement']) before(deploy, `deploy.${service}.verify-upgrade-check`, 'deploy.web-server.apache2.start');
  for (const [from, to] of [
    ['juno', 'gazpacho'],
    ['liberty', 'newton'],
    ['rocky', 'train'],
    ['antelope', 'gazpacho'],
  ] as const) {
    for (const services of [undefined, ['cinder'], ['nova'], ['placement'], ['horizon']]) {
      if (services?.[0] === 'placement' && at(to) < at('stein')) continue;
      const json = runbook(from, to, services);
      const rollback = ids(json, 'roll-back');
      if (rollback.includes('rollback.stop.web-server')) assert.ok(rollback.includes('rollback.restart.web-server'), `${from}->${to} ${services}: roll back`);
      const deploy = ids(json, 'deploy-target');
      if (ids(json, 'offline-migrations').includes('offline.stop.web-server')) {
        assert.ok(
          deploy.some((id) => id.startsWith('deploy.web-server.')),
          `${from}->${to} ${services}: deploy never starts the web server it stopped`,
        );
      }
    }
  }
});

test("a Rocky or Stein cloud's optional placement database is backed up and restored, never dropped", () => {
  const json = runbook('rocky', 'train', ['nova', 'placement']);
  assert.match(step(json, 'offline.backup.nova').commands.join('\n'), /SCHEMA_NAME = 'placement'/);
  assert.ok(step(json, 'rollback.restore.nova').commands.includes('mysql -u root -p < /var/backups/leapfrog/rocky-placement.sql'));
  assert.ok(!steps(json).some((s) => s.commands.some((c) => c.includes('DROP DATABASE IF EXISTS placement'))));
  assert.ok(ids(runbook('queens', 'train', ['placement'])).includes('rollback.drop.placement'), 'Queens never had it: the upgrade created it');
});

test('cinder min starts follow the code where the release notes say otherwise (shared reference corrections)', () => {
  // Newton's INIT_VERSION needs Liberty (the note says Kilo); Queens' needs Ocata (the note says Newton).
  assert.equal(content.release('newton', 'cinder')!['min-start'].series, 'liberty');
  assert.equal(content.release('queens', 'cinder')!['min-start'].series, 'ocata');
  // The use_quota online migrations are still listed in 2023.1 and 2023.2.
  for (const series of ['antelope', 'bobcat']) {
    assert.match(JSON.stringify(content.release(series, 'cinder')), /use_quota/, series);
  }
});
