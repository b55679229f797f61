import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRunbook, checkContent, forwardPairs, loadContent, OFFLINE_PHASES, renderMarkdown, toJson, type RunbookJson } from '../generator/index.ts';
import { contentStepId } from '../generator/plan/step-id.ts';
import { stepsInMarkdown } from './support/markdown-steps.ts';
import { at } from './support/at.ts';

/** The real content in content/: what operators get. */
const content = loadContent();
const ids = (json: RunbookJson, section?: string) => json.sections.filter((s) => !section || s.id === section).flatMap((s) => s.steps.map((x) => x.id));
const runbook = (from: string, to: string, services?: string[], fewestStops = false) => toJson(buildRunbook(content, { from, to, services, fewestStops }));
const before = (list: string[], a: string, b: string) => {
  assert.ok(list.includes(a), `missing ${a}`);
  assert.ok(list.includes(b), `missing ${b}`);
  assert.ok(list.indexOf(a) < list.indexOf(b), `${a} should come before ${b}`);
};

test('content/ validates with no problems', () => {
  assert.deepEqual(checkContent().problems, []);
});

test("every forward pair plans every service, each stop's commands once and in order", () => {
  const pairs = forwardPairs(content);
  assert.equal(pairs.length, (content.series.length * (content.series.length - 1)) / 2);
  for (const fewestStops of [false, true]) {
    for (const [from, to] of pairs) {
      const built = buildRunbook(content, { from: from.id, to: to.id, fewestStops });
      const json = toJson(built);
      const all = ids(json);
      assert.equal(new Set(all).size, all.length, `duplicate step ids in ${from.id}->${to.id}`);
      const offline = json.sections.find((s) => s.id === 'offline-migrations')!.steps;
      for (const path of built.plan.paths) {
        const expected = path.stops.flatMap((stop) =>
          content
            .release(stop.series, path.service)!
            .steps.filter((s) => OFFLINE_PHASES.includes(s.phase))
            .map((s) => contentStepId(stop.series, path.service, s.id)),
        );
        // The source's own work runs with its installed code, unless the source is itself a stop.
        const source = path.stops.some((s) => s.series === from.id) ? undefined : `${from.id}.${path.service}.`;
        const actual = offline
          .filter((s) => s.service === path.service && !s.id.includes('.requires.') && !s.id.startsWith('offline.') && !(source && s.id.startsWith(source)))
          .map((s) => s.id);
        assert.deepEqual(actual, expected, `${path.service} ${from.id}->${to.id}`);
      }
      for (const step of json.sections.flatMap((s) => s.steps)) {
        if (step.commands.length) assert.ok(step.sources.length > 0, `${step.id} has commands but no source`);
      }
    }
  }
});

test('runbooks to the newest series render to Markdown with the same steps as the JSON', () => {
  const last = content.series.at(-2)!; // the newest released series
  for (const from of content.series.slice(0, content.indexOf(last.id))) {
    const built = buildRunbook(content, { from: from.id, to: last.id });
    const md = stepsInMarkdown(renderMarkdown(built));
    const json = toJson(built).sections.flatMap((s) => s.steps);
    assert.deepEqual(
      md.map((s) => [s.id, s.commands]),
      json.map((s) => [s.id, s.commands]),
      from.id,
    );
  }
});

test('nova kilo -> newton stops at liberty and mitaka, with blocker work before the blocked sync', () => {
  const json = runbook('kilo', 'newton', ['nova']);
  assert.deepEqual(
    json.stops.map((s) => s.series),
    ['liberty', 'mitaka', 'newton'],
  );
  const all = ids(json);
  before(all, 'offline.stop.nova', 'offline.backup.nova');
  before(all, 'offline.backup.nova', 'kilo.nova.migrate-flavor-data');
  before(all, 'kilo.nova.migrate-flavor-data', 'liberty.nova.db-sync');
  before(all, 'mitaka.nova.online-data-migrations', 'newton.nova.requires.mitaka');
  before(all, 'newton.nova.requires.mitaka', 'newton.nova.db-sync');
  before(all, 'newton.nova.online-data-migrations', 'newton.nova.cell-v2-simple-cell-setup');
  const sync = at(json.sections, 1, 'section').steps.find((s) => s.id === 'mitaka.nova.db-sync')!;
  assert.deepEqual(sync.commands, ['sudo -u nova /opt/leapfrog/mitaka/bin/nova-manage db sync']);
  assert.equal(sync.series, 'mitaka');
});

test("cinder ocata -> queens runs ocata's online migrations before pike's schema sync", () => {
  const json = runbook('ocata', 'queens', ['cinder']);
  assert.deepEqual(
    json.stops.map((s) => s.series),
    ['pike', 'queens'],
  );
  before(ids(json), 'offline.stop.cinder', 'ocata.cinder.online-data-migrations');
  before(ids(json), 'ocata.cinder.online-data-migrations', 'pike.cinder.db-sync');
  const source = at(json.sections, 1, 'section').steps.find((s) => s.id === 'ocata.cinder.online-data-migrations')!;
  assert.equal(source.series, 'ocata');
  assert.ok(
    source.commands.every((c) => c.startsWith('sudo -u cinder cinder-manage ')),
    "the source cloud's installed code, no utility",
  );
  before(ids(json), 'pike.cinder.online-data-migrations', 'queens.cinder.db-sync');
});

test("rocky -> train moves placement's data out of nova_api at stein, after nova's migrations", () => {
  const json = runbook('rocky', 'train', ['nova', 'placement']);
  assert.deepEqual(
    json.stops.map((s) => [s.series, s.services]),
    [
      ['stein', ['nova', 'placement']],
      ['train', ['nova', 'placement']],
    ],
  );
  const all = ids(json, 'offline-migrations');
  before(all, 'train.nova.db-sync', 'stein.placement.move-data-from-nova-api');
  before(all, 'stein.placement.move-data-from-nova-api', 'stein.placement.online-data-migrations');
  before(all, 'stein.placement.online-data-migrations', 'train.placement.db-sync');
  assert.ok(!ids(json, 'prepare').includes('prepare.backup.placement'), 'placement has no database at rocky');
});

test('SLURP: 2023.1 -> 2026.1 stops at 2024.1 and 2025.1 on the tested path', () => {
  assert.deepEqual(
    runbook('2023.1', '2026.1').stops.map((s) => s.series),
    ['caracal', 'epoxy', 'gazpacho'],
  );
  assert.deepEqual(
    runbook('bobcat', 'epoxy', ['nova']).stops.map((s) => s.series),
    ['caracal', 'epoxy'],
  );
});

test('fewest stops gives neutron fewer stops than nova, and says it leaves the tested path', () => {
  const built = buildRunbook(content, { from: 'kilo', to: 'gazpacho', fewestStops: true });
  const stops = (service: string) => built.plan.paths.find((p) => p.service === service)!.stops.map((s) => s.series);
  assert.deepEqual(stops('neutron'), ['gazpacho']);
  assert.ok(stops('nova').length > 3);
  assert.ok(stops('nova').includes('newton'), 'nova cells v2 setup needs newton code');
  assert.match(at(built.warnings, 0, 'warning'), /leaves upstream's tested upgrade path/);
});

test("each service's fewest stops follow from its own data (kilo -> gazpacho)", () => {
  const built = buildRunbook(content, { from: 'kilo', to: 'gazpacho', fewestStops: true });
  const stops = (service: string) => built.plan.paths.find((p) => p.service === service)!.stops.map((s) => s.series);
  // glance: Ocata's alembic switch needs Liberty; from 2023.2 db_sync needs a database past Queens.
  assert.deepEqual(stops('glance'), ['liberty', 'queens', 'gazpacho']);
  // keystone: Yoga+ start from Ussuri, 2023.2+ from Zed (the alembic switch).
  assert.deepEqual(stops('keystone'), ['ussuri', 'zed', 'gazpacho']);
  // heat: compactions need Mitaka (for Ussuri..2023.1's Newton floor) and Rocky (2023.2+).
  assert.deepEqual(stops('heat'), ['mitaka', 'rocky', 'gazpacho']);
  // horizon has no database: only the target, where its post-deploy steps run.
  assert.deepEqual(stops('horizon'), ['gazpacho']);
  // ironic: Pike's object versions, Queens' hardware types, Rocky's VIF move, Stein's tables (Wallaby's
  // dbsync dies without them), then Wallaby and Epoxy online migrations; 2026.1 upgrades only from 2025.1.
  assert.deepEqual(stops('ironic'), ['pike', 'queens', 'rocky', 'stein', 'wallaby', 'epoxy', 'gazpacho']);
});

test('glance reloads metadefs after the target is deployed, not at each stop', () => {
  const json = runbook('newton', 'pike', ['glance']);
  assert.deepEqual(ids(json, 'offline-migrations'), [
    'offline.stop.glance',
    'offline.backup.glance',
    'offline.backup.configuration',
    'ocata.glance.db-sync',
    'pike.glance.db-sync',
  ]);
  assert.deepEqual(ids(json, 'deploy-target'), ['deploy.glance.install', 'pike.glance.load-metadefs', 'deploy.point-of-no-return', 'deploy.glance.start']);
});

test('horizon alone runs only post-deploy steps, with the installed code, and its web server is restarted, never stopped', () => {
  const json = runbook('rocky', 'train', ['horizon']);
  assert.deepEqual(ids(json, 'offline-migrations'), [], 'no database: its web server keeps serving during the migrations');
  assert.deepEqual(at(json.sections, 2, 'section').steps.find((s) => s.id === 'deploy.web-server.apache2.restart')!.commands, ['systemctl restart apache2']);
  const post = json.sections.find((s) => s.id === 'deploy-target')!.steps.filter((s) => s.id.startsWith('train.horizon.'));
  assert.ok(post.length > 0);
  assert.ok(post.every((s) => s.series === 'train' && s.commands.every((c) => !c.includes('/opt/leapfrog/'))));
});

test('units follow the series: stop what the source runs, start what the target ships', () => {
  const json = runbook('stein', 'victoria', ['nova', 'glance']);
  const commands = (id: string) => json.sections.flatMap((s) => s.steps).find((s) => s.id === id)!.commands;
  assert.deepEqual(commands('offline.stop.glance'), ['systemctl stop glance-api glance-registry']);
  assert.deepEqual(commands('deploy.glance.start'), ['systemctl start glance-api']);
  assert.deepEqual(commands('deploy.nova.start'), [
    'systemctl start nova-api nova-scheduler nova-conductor nova-novncproxy',
    'systemctl start nova-spicehtml5proxy',
    'systemctl start nova-serialproxy',
  ]);
  assert.deepEqual(commands('rollback.start.nova'), [
    'systemctl start nova-api nova-scheduler nova-conductor nova-consoleauth nova-novncproxy',
    'systemctl start nova-spicehtml5proxy',
    'systemctl start nova-serialproxy',
    'systemctl start nova-xvpvncproxy',
  ]);
  // Stein's nova still serves nova-placement-api from apache2: stopped at the source; Victoria's nova
  // has no site there, but the web server comes back for the sites of services not selected here.
  assert.deepEqual(commands('offline.stop.web-server'), ['systemctl stop apache2']);
  const web = json.sections.flatMap((s) => s.steps).find((s) => s.id === 'deploy.web-server.apache2.start')!;
  assert.match(web.title, /serves the sites of services not selected here/);
  assert.deepEqual(
    ids(json, 'deploy-target').filter((id) => id.startsWith('deploy.web-server')),
    ['deploy.web-server.apache2.start'],
  );
  // Placement did not exist at Rocky: nothing of it to stop before the offline migrations.
  assert.ok(!ids(runbook('rocky', 'train', ['placement']), 'offline-migrations').includes('offline.stop.placement'));
});

test('work a blocker needs from the source series runs with the source code, offline, after the backups (nova newton -> ocata cells v2)', () => {
  const json = runbook('newton', 'ocata', ['nova']);
  const all = ids(json);
  before(all, 'offline.stop.nova', 'offline.backup.nova');
  before(all, 'offline.backup.nova', 'newton.nova.create-cell0-database');
  before(all, 'newton.nova.create-cell0-database', 'newton.nova.cell-v2-simple-cell-setup');
  before(all, 'newton.nova.cell-v2-simple-cell-setup', 'ocata.nova.api-db-sync');
  const setup = at(json.sections, 1, 'section').steps.find((s) => s.id === 'newton.nova.cell-v2-simple-cell-setup')!;
  assert.deepEqual(setup.commands, ['sudo -u nova nova-manage cell_v2 simple_cell_setup']);
  assert.equal(setup.series, 'newton');
  assert.ok(!ids(json, 'prepare').some((id) => id.includes('online-data-migrations')), 'nothing that writes runs before the backups');
  const gate = at(buildRunbook(content, { from: 'newton', to: 'ocata', services: ['nova'] }).sections, 1, 'section').steps.find(
    (s) => s.id === 'ocata.nova.requires.newton',
  )!;
  assert.ok(gate.notes.some((n) => n.startsWith('`newton.nova.cell-v2-simple-cell-setup` is complete when:')));
});

test('deploy starts placement before nova, though placement migrates after it', () => {
  const json = runbook('rocky', 'train', ['nova', 'placement']);
  assert.deepEqual(ids(json, 'deploy-target'), [
    'deploy.placement.install',
    'deploy.nova.install',
    'deploy.point-of-no-return',
    'deploy.placement.verify-upgrade-check',
    'deploy.web-server.apache2.start',
    'deploy.nova.upgrade-check',
    'deploy.nova.start',
    'deploy.nova.install.compute',
    'deploy.nova.start.compute',
    'train.nova.discover-hosts',
    'train.nova.remove-stale-services',
  ]);
  before(ids(json, 'offline-migrations'), 'train.nova.db-sync', 'stein.placement.db-sync');
});
