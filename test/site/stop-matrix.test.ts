/** The stops matrix's reasons: each written once, a shared blocker named once for every series needing it. */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { buildRunbook, loadContent } from '../../generator/index.ts';
import { byNeed } from '../../site/src/lib/matrix-html.ts';
import { distinctReasons } from '../../site/src/lib/stop-matrix.ts';

const content = loadContent(resolve(import.meta.dirname, '../../content'));
const { plan } = buildRunbook(content, { from: 'juno', to: 'gazpacho' });
const { cells, reasons } = distinctReasons(plan);

test('juno→gazpacho writes each reason once, without the series that has the blocker', () => {
  const texts = reasons.map((r) => r.text);
  assert.equal(new Set(texts).size, texts.length);
  const names = content.series.map((s) => s.name).join('|');
  assert.deepEqual(
    texts.filter((t) => new RegExp(`^(${names}) requires`).test(t)),
    [],
  );
  const shared = reasons.filter((r) => r.for.length > 1);
  assert.ok(shared.length > 0, 'some blocker is needed by several series');
  for (const r of shared) assert.deepEqual(r.for, [...new Set(r.for)]);
});

test('every blocker of the plan is a reason that names the series needing it, and its cells group by need', () => {
  for (const path of plan.paths)
    for (const stop of path.stops)
      for (const r of stop.reasons) {
        if (r.kind !== 'blocker') continue;
        const d = reasons.find((x) => x.text === r.detail);
        assert.ok(d, `${path.service} at ${stop.series}: ${r.detail.slice(0, 60)}`);
        assert.ok(d.for.includes(r.blocker.by.name));
        // Its cell names this series, even when a later series needs the same thing (one reason, two names).
        const cell = cells.get(`${path.service} ${stop.series}`)?.find((c) => c.n === d.n && c.need?.by === r.blocker.by.name);
        assert.equal(cell?.need?.what, `needs ${r.blocker.needs.name}'s ${r.blocker.steps.join(', ')}`);
      }
  // Two series needing the same thing at one stop read as one need with two series.
  const grouped = [...cells.values()].flatMap(byNeed).filter((g) => g.by.length > 1);
  assert.ok(grouped.length > 0);
  for (const g of grouped) assert.match(g.need, /^needs \S+'s /);
});
