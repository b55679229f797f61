import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadContent, plan, PlanError } from '../generator/index.ts';
import { syntheticContent } from './support/synthetic-content.ts';
import { at } from './support/at.ts';

const SERIES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const stopsOf = (p: ReturnType<typeof plan>, service: string) => p.paths.find((x) => x.service === service)!.stops.map((s) => s.series);

test('tested path stops at every series before SLURP exists', () => {
  const content = loadContent(syntheticContent({ series: SERIES }));
  assert.deepEqual(
    plan(content, { from: 'a', to: 'e' }).stops.map((s) => s.series),
    ['b', 'c', 'd', 'e'],
  );
});

test('tested path goes SLURP to SLURP and a .2 series only to the next one', () => {
  // d, f, h are SLURP: d -> f -> h; from e (a .2 after d) the path is e -> f -> h.
  const content = loadContent(syntheticContent({ series: SERIES, slurp: ['d', 'f', 'h'] }));
  assert.deepEqual(
    plan(content, { from: 'd', to: 'h' }).stops.map((s) => s.series),
    ['f', 'h'],
  );
  assert.deepEqual(
    plan(content, { from: 'e', to: 'h' }).stops.map((s) => s.series),
    ['f', 'h'],
  );
  assert.deepEqual(
    plan(content, { from: 'd', to: 'g' }).stops.map((s) => s.series),
    ['f', 'g'],
  );
  assert.deepEqual(
    plan(content, { from: 'b', to: 'h' }).stops.map((s) => s.series),
    ['c', 'd', 'f', 'h'],
  );
});

test('a must-stop keeps a .2 series on the tested path, for that service only', () => {
  const content = loadContent(
    syntheticContent({
      series: SERIES,
      slurp: ['d', 'f', 'h'],
      releases: { 'e/beta': { 'must-stop': { text: 'beta needs e', sources: ['https://opendev.org/openstack/beta/src/tag/1.0.0/x'] } } },
    }),
  );
  const p = plan(content, { from: 'd', to: 'f' });
  assert.deepEqual(stopsOf(p, 'alpha'), ['f']);
  assert.deepEqual(stopsOf(p, 'beta'), ['e', 'f']);
  assert.deepEqual(
    p.stops.map((s) => [s.series, s.services]),
    [
      ['e', ['beta']],
      ['f', ['alpha', 'beta']],
    ],
  );
  assert.match(at(at(p.stops, 0, 'stop').reasons, 0, 'reason'), /^beta: E must not be skipped: beta needs e$/);
});

test('the tested path keeps a stop the data demands even where SLURP would skip it', () => {
  const content = loadContent(
    syntheticContent({
      series: SERIES,
      slurp: ['d', 'f'],
      releases: { 'f/alpha': { 'min-start': { series: 'e', text: 'needs e schema', sources: ['https://opendev.org/openstack/alpha/src/tag/1.0.0/x'] } } },
    }),
  );
  assert.deepEqual(stopsOf(plan(content, { from: 'd', to: 'f' }), 'alpha'), ['e', 'f']);
});

test('fewest stops jumps as far as min start allows', () => {
  const min = (series: string) => ({ 'min-start': { series, text: `from ${series}`, sources: ['https://opendev.org/openstack/alpha/src/tag/1.0.0/x'] } });
  const content = loadContent(
    syntheticContent({
      series: SERIES,
      releases: { 'c/alpha': min('a'), 'd/alpha': min('a'), 'e/alpha': min('c'), 'f/alpha': min('c'), 'g/alpha': min('e'), 'h/alpha': min('f') },
    }),
  );
  const p = plan(content, { from: 'a', to: 'h', fewestStops: true, services: ['alpha'] });
  // Walking back from h: h needs f, f needs c, c upgrades from a itself.
  assert.deepEqual(stopsOf(p, 'alpha'), ['c', 'f', 'h']);
  const skipped = at(p.paths, 0, 'path').skipped.map((s) => s.series);
  assert.deepEqual(skipped, ['b', 'd', 'e', 'g']);
  assert.match(
    at(at(at(p.paths, 0, 'path').skipped, 0, 'skipped series').reasons, 0, 'reason').text,
    /^C upgrades Alpha databases from A on \(from a\), and no blocker needs B's code$/,
  );
  assert.equal(p.policy, 'fewest');
});

test('a blocker forces the series whose code must do the work, even with fewest stops', () => {
  const src = ['https://opendev.org/openstack/alpha/src/tag/1.0.0/x'];
  const content = loadContent(
    syntheticContent({
      series: SERIES,
      releases: {
        'f/alpha': {
          'min-start': { series: 'a', text: 'any', sources: src },
          blockers: [{ requires: 'c', steps: ['online-data-migrations'], text: 'c data first', sources: src }],
        },
      },
    }),
  );
  const p = plan(content, { from: 'a', to: 'f', fewestStops: true, services: ['alpha'] });
  // e's own min start (d) and c's blocker both shape the path: f needs c done; e needs d.
  assert.ok(stopsOf(p, 'alpha').includes('c'));
  assert.equal(stopsOf(p, 'alpha').at(-1), 'f');
  const reason = at(p.paths, 0, 'path')
    .stops.find((s) => s.series === 'c')!
    .reasons.map((r) => r.text)
    .join(' ');
  assert.match(reason, /F requires c work first \(online-data-migrations\): c data first/);
  // The reason carries the blocker itself: readers (the site's stop matrix) need not parse its text.
  const blocker = at(p.paths, 0, 'path')
    .stops.find((s) => s.series === 'c')!
    .reasons.find((r) => r.kind === 'blocker');
  assert.ok(blocker?.kind === 'blocker', 'a blocker reason at c');
  assert.deepEqual([blocker.blocker.by.name, blocker.blocker.needs.name, blocker.blocker.steps], ['F', 'C', ['online-data-migrations']]);
});

test("the plan hands down the content's own series and services, and the ids beside them agree", () => {
  const content = loadContent(syntheticContent({ series: SERIES, slurp: ['d', 'f'], serviceOverrides: { beta: { since: 'c' } } }));
  for (const fewestStops of [false, true]) {
    const p = plan(content, { from: 'a', to: 'g', fewestStops });
    assert.ok(
      p.paths.every((x) => x.stops.length > 0 && x.skipped.length > 0),
      'every path has stops and skips (SLURP skips e)',
    );
    for (const stop of p.stops) {
      assert.equal(stop.at, content.getSeries(stop.series));
      assert.deepEqual(
        stop.visits.map((v) => v.service),
        stop.services.map((id) => content.getService(id)),
      );
      for (const v of stop.visits) assert.equal(v.release, content.release(stop.series, v.service.id));
    }
    for (const path of p.paths) {
      assert.equal(path.of, content.getService(path.service));
      for (const s of [...path.stops, ...path.skipped]) {
        assert.equal(s.service, path.of);
        assert.equal(s.at, content.getSeries(s.series));
        assert.equal(s.release, content.release(s.series, path.service));
      }
    }
  }
});

test('a blocker on the source series needs no stop: the source code does the work before the first stop', () => {
  const src = ['https://opendev.org/openstack/alpha/src/tag/1.0.0/x'];
  const content = loadContent(
    syntheticContent({
      series: SERIES,
      releases: {
        'd/alpha': {
          'min-start': { series: 'a', text: 'any', sources: src },
          blockers: [{ requires: 'b', steps: ['db-sync'], text: 'b first', sources: src }],
        },
      },
    }),
  );
  assert.deepEqual(stopsOf(plan(content, { from: 'b', to: 'd', fewestStops: true, services: ['alpha'] }), 'alpha'), ['d']);
  assert.deepEqual(stopsOf(plan(content, { from: 'a', to: 'd', fewestStops: true, services: ['alpha'] }), 'alpha'), ['b', 'd']);
});

test('a service introduced mid-way starts at its first series', () => {
  const content = loadContent(syntheticContent({ series: SERIES, serviceOverrides: { beta: { since: 'c' } } }));
  const p = plan(content, { from: 'a', to: 'e', fewestStops: true });
  assert.deepEqual(stopsOf(p, 'beta')[0], 'c');
  assert.equal(p.paths.find((x) => x.service === 'beta')!.start.id, 'b');
});

test('series are accepted by code name or version, in any case', () => {
  const content = loadContent(syntheticContent({ series: SERIES }));
  const p = plan(content, { from: 'A', to: '2021.2' });
  assert.equal(p.from.id, 'a');
  assert.equal(p.to.id, 'd');
});

test('same series, downgrade, unknown series and unknown service are plan errors naming the request field', () => {
  const content = loadContent(syntheticContent({ series: SERIES }));
  const flag = (e: unknown) => (e as PlanError).describe((field) => `--${field}`);
  assert.throws(
    () => plan(content, { from: 'b', to: 'B' }),
    (e) => e instanceof PlanError && e.message === 'from and to are both B: nothing to upgrade' && flag(e) === '--from and --to are both B: nothing to upgrade',
  );
  assert.throws(
    () => plan(content, { from: 'd', to: 'b' }),
    (e) => e instanceof PlanError && /older than --from/.test(flag(e)),
  );
  assert.throws(
    () => plan(content, { from: 'zz', to: 'b' }),
    (e) => /^Unknown series "zz" for --from: expected a code name or version, one of: a \(2020\.1\)/.test(flag(e)),
  );
  assert.throws(
    () => plan(content, { from: 'a', to: 'b', services: ['gamma'] }),
    (e) => /^Unknown service "gamma" for --services: expected a comma-separated list of: alpha, beta/.test(flag(e)),
  );
});
