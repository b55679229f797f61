import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRunbook, loadContent, toJson, utilityRecipe, containerHost, containerfile } from '../generator/index.ts';
import { SeriesSchema } from '../generator/schema/series.ts';
import { runCli } from './support/run-cli.ts';

const content = loadContent();
const runbook = (from: string, to: string, utility: 'venv' | 'container') => buildRunbook(content, { from, to, utility });
const step = (rb: ReturnType<typeof runbook>, id: string) => {
  const found = rb.sections.flatMap((s) => s.steps).find((s) => s.id === id);
  assert.ok(found, `no step ${id}`);
  return found;
};

for (const [from, to] of [
  ['kilo', 'newton'],
  ['queens', 'train'],
  ['2023.1', '2026.1'],
] as const) {
  test(`${from}→${to}: the same step ids in the same order with either utility`, () => {
    const ids = (m: 'venv' | 'container') => runbook(from, to, m).sections.flatMap((s) => s.steps.map((st) => st.id));
    assert.deepEqual(ids('container'), ids('venv'));
  });
}

test('kilo→newton venv: one Python 2.7 on Ubuntu 16.04 for every stop, its build deps, both MySQL drivers', () => {
  const rb = runbook('kilo', 'newton', 'venv');
  assert.deepEqual(step(rb, 'prepare.utility.newton').commands, [
    'apt-get install -y ca-certificates curl g++ gcc git libffi-dev libjpeg-dev libmysqlclient-dev libpq-dev libssl-dev libxml2-dev libxslt1-dev libyaml-dev pkg-config python-dev python-virtualenv python2.7 zlib1g-dev',
    'python2.7 -m virtualenv /opt/leapfrog/newton',
    'curl -fsSL -o /opt/leapfrog/newton/upper-constraints.txt https://opendev.org/openstack/requirements/raw/tag/newton-eol/upper-constraints.txt',
    '/opt/leapfrog/newton/bin/pip install -c /opt/leapfrog/newton/upper-constraints.txt PyMySQL MySQL-python',
  ]);
  assert.equal(step(rb, 'prepare.utility.liberty').title, 'Create the Liberty utility in /opt/leapfrog/liberty (Python 2.7, Ubuntu 16.04)');
  assert.deepEqual(step(rb, 'newton.nova.db-sync').commands, ['sudo -u nova /opt/leapfrog/newton/bin/nova-manage db sync']);
  assert.deepEqual(step(rb, 'prepare.utility.newton.nova').commands, [
    "grep -v -i '^nova===' /opt/leapfrog/newton/upper-constraints.txt > /opt/leapfrog/newton/constraints-nova.txt",
    "/opt/leapfrog/newton/bin/pip install -c /opt/leapfrog/newton/constraints-nova.txt 'nova @ git+https://opendev.org/openstack/nova@newton-eol'",
  ]);
});

test('kilo→newton container: the Containerfile is a quoted here-document of the venv recipe on Ubuntu 16.04', () => {
  const rb = runbook('kilo', 'newton', 'container');
  assert.deepEqual(step(rb, 'prepare.utility.newton').commands, ['mkdir -p /opt/leapfrog/newton', 'podman pull docker.io/library/ubuntu:16.04']);
  assert.deepEqual(step(rb, 'prepare.utility.newton.keystone').commands, [
    `cat > /opt/leapfrog/newton/keystone.Containerfile <<'EOF'
FROM docker.io/library/ubuntu:16.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl g++ gcc git libffi-dev libjpeg-dev libmysqlclient-dev libpq-dev libssl-dev libxml2-dev libxslt1-dev libyaml-dev pkg-config python-dev python-virtualenv python2.7 zlib1g-dev && rm -rf /var/lib/apt/lists/*
RUN python2.7 -m virtualenv /opt/leapfrog/newton
RUN curl -fsSL -o /opt/leapfrog/newton/upper-constraints.txt https://opendev.org/openstack/requirements/raw/tag/newton-eol/upper-constraints.txt
RUN /opt/leapfrog/newton/bin/pip install -c /opt/leapfrog/newton/upper-constraints.txt PyMySQL MySQL-python
RUN grep -v -i '^keystone===' /opt/leapfrog/newton/upper-constraints.txt > /opt/leapfrog/newton/constraints-keystone.txt
RUN /opt/leapfrog/newton/bin/pip install -c /opt/leapfrog/newton/constraints-keystone.txt 'keystone @ git+https://opendev.org/openstack/keystone@newton-eol'
ENV PATH=/opt/leapfrog/newton/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
EOF`,
    'podman build -t leapfrog-utility-keystone:newton -f /opt/leapfrog/newton/keystone.Containerfile /opt/leapfrog/newton',
    'install -d -o keystone -g keystone -m 0700 /etc/keystone/credential-keys',
  ]);
  assert.deepEqual(step(rb, 'newton.keystone.credential-setup').commands, [
    'podman run --rm --network host --user "$(id -u keystone):$(id -g keystone)" -v /etc/keystone:/etc/keystone:ro -v /var/log/keystone:/var/log/keystone -v /etc/keystone/credential-keys:/etc/keystone/credential-keys -v /etc/passwd:/etc/passwd:ro -v /etc/group:/etc/group:ro leapfrog-utility-keystone:newton keystone-manage credential_setup --keystone-user keystone --keystone-group keystone',
  ]);
  assert.deepEqual(step(rb, 'newton.nova.db-sync').commands, [
    'podman run --rm --network host --user "$(id -u nova):$(id -g nova)" -v /etc/nova:/etc/nova:ro -v /var/log/nova:/var/log/nova leapfrog-utility-nova:newton nova-manage db sync',
  ]);
});

test('queens→train: venv shares Python 2.7 across Rocky..Train; the Train image builds Python 3.6 on Ubuntu 18.04', () => {
  const venv = runbook('queens', 'train', 'venv');
  assert.equal(step(venv, 'prepare.utility.train').commands[1], 'python2.7 -m virtualenv /opt/leapfrog/train');
  assert.deepEqual(step(venv, 'train.keystone.fernet-setup').commands, [
    'sudo -u keystone /opt/leapfrog/train/bin/keystone-manage fernet_setup --keystone-user keystone --keystone-group keystone',
  ]);
  const container = runbook('queens', 'train', 'container');
  assert.equal(
    step(container, 'prepare.utility.train.nova').commands[0]?.split('\n').slice(0, 5).join('\n'),
    `cat > /opt/leapfrog/train/nova.Containerfile <<'EOF'
FROM docker.io/library/ubuntu:18.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl g++ gcc git libffi-dev libjpeg-dev libpq-dev libssl-dev libxml2-dev libxslt1-dev libyaml-dev pkg-config python3-dev python3-venv zlib1g-dev && rm -rf /var/lib/apt/lists/*
RUN python3.6 -m venv /opt/leapfrog/train`,
  );
  assert.deepEqual(step(container, 'train.keystone.fernet-setup').commands, [
    'podman run --rm --network host --user "$(id -u keystone):$(id -g keystone)" -v /etc/keystone:/etc/keystone:ro -v /var/log/keystone:/var/log/keystone -v /etc/keystone/fernet-keys:/etc/keystone/fernet-keys -v /etc/passwd:/etc/passwd:ro -v /etc/group:/etc/group:ro leapfrog-utility-keystone:train keystone-manage fernet_setup --keystone-user keystone --keystone-group keystone',
  ]);
  assert.deepEqual(step(container, 'train.neutron.db-sync').commands, [
    'podman run --rm --network host --user "$(id -u neutron):$(id -g neutron)" -v /etc/neutron:/etc/neutron:ro -v /var/log/neutron:/var/log/neutron leapfrog-utility-neutron:train neutron-db-manage --config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini upgrade heads',
  ]);
});

test('2023.1→2026.1: venv shares Python 3.11 on Debian 12; containers use Debian packages where Debian ships the series', () => {
  const venv = runbook('2023.1', '2026.1', 'venv');
  for (const s of ['caracal', 'epoxy', 'gazpacho']) assert.equal(step(venv, `prepare.utility.${s}`).commands[1], `python3.11 -m venv /opt/leapfrog/${s}`);
  assert.deepEqual(step(venv, 'gazpacho.keystone.db-sync').commands, ['sudo -u keystone /opt/leapfrog/gazpacho/bin/keystone-manage db_sync']);
  const container = runbook('2023.1', '2026.1', 'container');
  assert.deepEqual(step(container, 'prepare.utility.epoxy.keystone').commands, [
    `cat > /opt/leapfrog/epoxy/keystone.Containerfile <<'EOF'
FROM docker.io/library/debian:trixie
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y --no-install-recommends python3-keystone python3-mysqldb python3-oslo.config python3-pymysql && rm -rf /var/lib/apt/lists/*
EOF`,
    'podman build -t leapfrog-utility-keystone:epoxy -f /opt/leapfrog/epoxy/keystone.Containerfile /opt/leapfrog/epoxy',
    'install -d -o keystone -g keystone -m 0700 /etc/keystone/credential-keys /etc/keystone/fernet-keys',
  ]);
  // forky ships 2026.1 nova, but a keystone that is not 2026.1: keystone falls back to the venv recipe.
  assert.match(
    step(container, 'prepare.utility.gazpacho.nova').commands[0] ?? '',
    /^cat > \/opt\/leapfrog\/gazpacho\/nova.Containerfile <<'EOF'\nFROM docker.io\/library\/debian:forky\n/,
  );
  assert.match(step(container, 'prepare.utility.gazpacho.keystone').commands[0] ?? '', /\nRUN python3\.13 -m venv \/opt\/leapfrog\/gazpacho\n/);
  assert.deepEqual(step(container, 'prepare.utility.gazpacho').commands, [
    'mkdir -p /opt/leapfrog/gazpacho',
    'podman pull docker.io/library/debian:trixie',
    'podman pull docker.io/library/debian:forky',
  ]);
  assert.deepEqual(step(container, 'gazpacho.keystone.db-sync').commands, [
    'podman run --rm --network host --user "$(id -u keystone):$(id -g keystone)" -v /etc/keystone:/etc/keystone:ro -v /var/log/keystone:/var/log/keystone leapfrog-utility-keystone:gazpacho keystone-manage db_sync',
  ]);
  assert.match(
    container.warnings.join('\n'),
    /Antelope \(Ubuntu 22\.04, Debian 11, Ubuntu 20\.04\) and Gazpacho \(Ubuntu 24\.04, Debian 13, Debian 12\) share no OS release: this leap crosses an OS boundary/,
  );
});

test('the recipe is data the rehearsal can build: base image, packages, no shell runs for Debian packages', () => {
  const epoxy = content.getSeries('epoxy')!;
  const recipe = utilityRecipe(content, epoxy, content.getService('nova')!, containerHost(epoxy));
  assert.deepEqual(
    { kind: recipe.kind, codename: recipe.os.codename, image: recipe.image, packages: recipe.packages, runs: recipe.runs },
    {
      kind: 'packages',
      codename: 'trixie',
      image: 'docker.io/library/debian:trixie',
      packages: ['nova-common', 'python3-mysqldb', 'python3-oslo.config', 'python3-pymysql'],
      runs: [],
    },
  );
  assert.equal(containerfile(recipe).split('\n')[0], 'FROM docker.io/library/debian:trixie');
});

test('the JSON names the utility method; venv by default', () => {
  assert.equal(toJson(buildRunbook(content, { from: 'queens', to: 'train' })).utility, 'venv');
  const r = runCli(['runbook', '--from', 'queens', '--to', 'train', '--services', 'nova', '--utility', 'container', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.utility, 'container');
  assert.ok(json.sections[1].steps.some((s: { commands: string[] }) => s.commands[0]?.startsWith('podman run --rm --network host ')));
});

test('--utility accepts venv or container only, and only on runbook', () => {
  const bad = runCli(['runbook', '--from', 'queens', '--to', 'train', '--utility', 'docker']);
  assert.equal(bad.code, 2);
  assert.equal(
    bad.stderr,
    'leapfrog: Unknown --utility "docker", expected venv or container (venv: a virtualenv per stop on a host of that stop\'s OS; container: an image per service and stop)\n',
  );
  const path = runCli(['path', '--from', 'queens', '--to', 'train', '--utility', 'container']);
  assert.equal(path.code, 2);
  assert.match(path.stderr, /Option --utility does not apply to "path"/);
});

test('a series whose python is not among its tested runtimes is refused with the field named', () => {
  const yaml = {
    id: 'x',
    name: 'X',
    version: '2020.1',
    released: '2020-01-01',
    slurp: false,
    status: 'end-of-life',
    'code-ref': 'x-eol',
    'constraints-ref': null,
    python: '3.9',
    runtimes: { python: ['3.6', '3.8'], os: ['ubuntu-20.04'] },
    'build-deps': ['gcc'],
    packages: [{ os: 'debian-11', source: 'cloud-archive:x' }],
    sources: ['https://opendev.org/openstack/governance/src/commit/c7e4f290d263739652c59264ff13c51859ecda7c/reference/runtimes/victoria.rst'],
  };
  const result = SeriesSchema.safeParse(yaml);
  assert.equal(result.success, false);
  assert.deepEqual(
    result.error!.issues.map((i) => [i.path.join('.'), i.message]),
    [
      ['python', 'Python 3.9 is not one of runtimes.python (3.6, 3.8): pick a tested one'],
      ['packages.0.source', 'cloud-archive:x is an Ubuntu Cloud Archive pocket, but debian-11 is not Ubuntu'],
    ],
  );
  assert.equal(SeriesSchema.safeParse({ ...yaml, python: '3.8', packages: [], runtimes: { python: ['3.8'], os: ['ubuntu-19.10'] } }).success, false);
});

test('rocky→train container: the Stein placement copy script runs on the host and finds placement-manage through wrappers that run the Stein image', () => {
  const container = runbook('rocky', 'train', 'container');
  const build = step(container, 'prepare.utility.stein.placement').commands;
  assert.deepEqual(build.slice(2), [
    'mkdir -p /opt/leapfrog/stein/container-bin',
    `cat > /opt/leapfrog/stein/container-bin/placement-manage <<'EOF'
#!/bin/sh
exec podman run --rm --network host --user "$(id -u placement):$(id -g placement)" -v /etc/placement:/etc/placement:ro -v /var/log/placement:/var/log/placement leapfrog-utility-placement:stein placement-manage "$@"
EOF`,
    `cat > /opt/leapfrog/stein/container-bin/placement-status <<'EOF'
#!/bin/sh
exec podman run --rm --network host --user "$(id -u placement):$(id -g placement)" -v /etc/placement:/etc/placement:ro -v /var/log/placement:/var/log/placement leapfrog-utility-placement:stein placement-status "$@"
EOF`,
    'chmod 0755 /opt/leapfrog/stein/container-bin/placement-manage /opt/leapfrog/stein/container-bin/placement-status',
  ]);
  assert.deepEqual(step(container, 'stein.placement.move-data-from-nova-api').commands, [
    'test -s /tmp/migrate-db.rc',
    'PATH=/opt/leapfrog/stein/container-bin:$PATH /opt/leapfrog/stein/mysql-migrate-db.sh --migrate /tmp/migrate-db.rc',
  ]);
  const venv = runbook('rocky', 'train', 'venv');
  assert.equal(
    step(venv, 'stein.placement.move-data-from-nova-api').commands[1],
    'PATH=/opt/leapfrog/stein/bin:$PATH /opt/leapfrog/stein/mysql-migrate-db.sh --migrate /tmp/migrate-db.rc',
  );
  assert.equal(
    step(venv, 'prepare.utility.stein.placement').commands.some((c) => c.includes('container-bin')),
    false,
  );
  // Series without such a script get no wrappers.
  assert.equal(
    step(container, 'prepare.utility.train.placement').commands.some((c) => c.includes('container-bin')),
    false,
  );
});
