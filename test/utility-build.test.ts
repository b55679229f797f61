import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadContent } from '../generator/index.ts';
import { defaultRehearseCache } from '../generator/rehearse/cache-dir.ts';
import { containerfileKey, parseContainerfile } from '../generator/rehearse/containerfile.ts';
import { readRecord, SUITES } from '../generator/rehearse/shipped.ts';
import { checkImage, imageRequests, imagesLine } from '../generator/rehearse/utility-images.ts';

const content = loadContent();
const RECORD = fileURLToPath(new URL('../generator/rehearse/debian-series.json', import.meta.url));
const request = (service: string, series: string) => {
  const found = imageRequests(content).find((r) => r.service === service && r.series === series);
  assert.ok(found, `no Containerfile of Debian's packages for ${service}:${series}`);
  return found;
};

test('every Debian-packaged Containerfile the runbooks print is one the chroot build honours', () => {
  const all = imageRequests(content);
  assert.ok(all.length >= 7, `only ${all.length}`);
  for (const r of all) {
    const parsed = parseContainerfile(r.containerfile);
    assert.deepEqual(parsed[0], { line: 1, op: 'FROM', suite: r.suite });
    assert.ok(SUITES.includes(r.suite), r.suite);
  }
  assert.deepEqual(
    new Set(all.map((r) => r.commands[0]![0])),
    new Set(['keystone-manage', 'glance-manage', 'cinder-manage', 'nova-manage', 'placement-manage', 'neutron-db-manage', 'heat-manage', 'ironic-dbsync']),
  );
  assert.deepEqual(request('keystone', 'epoxy').commands, [['keystone-manage', '--version']]);
  // neutron-db-manage has no --version: --help, then the version from the same package's neutron-sanity-check.
  assert.deepEqual(request('neutron', 'epoxy').commands, [
    ['neutron-db-manage', '--help'],
    ['neutron-sanity-check', '--version'],
  ]);
  assert.equal(imageRequests(content).filter((r) => r.series === 'newton').length, 0, 'no Debian suite ships Newton');
});

test('the Containerfile is read instruction by instruction, its RUN text byte for byte', () => {
  const text = request('nova', 'epoxy').containerfile;
  const parsed = parseContainerfile(text);
  assert.deepEqual(
    parsed.map((i) => i.op),
    ['FROM', 'ENV', 'RUN'],
  );
  const run = parsed.at(-1)!;
  assert.equal(run.op === 'RUN' && run.shell, text.split('\n').at(-1)!.slice('RUN '.length));
  assert.deepEqual(
    parseContainerfile('FROM debian:trixie\n# a comment\n\nRUN apt-get update && \\\n    true\n').map((i) => (i.op === 'RUN' ? i.shell : i.op)),
    ['FROM', 'apt-get update &&     true'],
  );
  assert.notEqual(containerfileKey(text), containerfileKey(`${text}\n`), 'the cache key is the exact text');
});

test('instructions a chroot cannot honour are refused by name, never skipped', () => {
  const refused = (text: string) =>
    assert.throws(() => parseContainerfile(text), {
      name: 'Error',
      message: /the chroot build honours FROM debian:<suite>, ENV KEY=VALUE and RUN <shell command> only|exactly one FROM/,
    });
  assert.throws(() => parseContainerfile('FROM debian:trixie\nCOPY a /a\n'), {
    message:
      'Containerfile line 2: COPY cannot be honoured by a chroot build; the chroot build honours FROM debian:<suite>, ENV KEY=VALUE and RUN <shell command> only',
  });
  refused('FROM docker.io/library/ubuntu:24.04\nRUN true\n');
  refused('FROM debian:trixie\nUSER nova\n');
  refused('FROM debian:trixie\nENV PATH=/x:$PATH\n');
  refused('FROM debian:trixie\nRUN ["true"]\n');
  refused('FROM debian:trixie\nFROM debian:forky\n');
  refused('RUN true\n');
});

test('a Containerfile the chroot cannot honour is a failed record, built: false, with the reason', () => {
  const bad = { ...request('keystone', 'epoxy'), containerfile: 'FROM docker.io/library/debian:trixie\nUSER keystone\n' };
  const record = checkImage('/nonexistent-cache', bad, readRecord(RECORD), () => {});
  assert.deepEqual(
    { built: record.built, passed: record.passed, failure: record.failure },
    {
      built: false,
      passed: false,
      failure:
        'Containerfile line 2: USER cannot be honoured by a chroot build; the chroot build honours FROM debian:<suite>, ENV KEY=VALUE and RUN <shell command> only',
    },
  );
  assert.equal(imagesLine([record, { ...record, passed: true }]), 'containerfiles: 2 built and asked their version, 1 failed');
});

const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
const cannot =
  process.getuid?.() !== 0 ? 'needs root for debootstrap and chroot' : !has('debootstrap') ? 'needs debootstrap (apt-get install debootstrap)' : false;

test("the Epoxy keystone Containerfile builds for real and its keystone-manage prints the version Debian's trixie maps to Epoxy", {
  skip: cannot ? `cannot build here: ${cannot}` : false,
}, () => {
  const record = checkImage(defaultRehearseCache(), request('keystone', 'epoxy'), readRecord(RECORD), () => {});
  assert.equal(record.failure, undefined);
  assert.equal(record.passed, true);
  const shipped = readRecord(RECORD).find((r) => r.suite === 'trixie' && r.service === 'keystone')!;
  assert.equal(shipped.series, 'epoxy');
  assert.equal(record.printed, shipped.upstream);
});
