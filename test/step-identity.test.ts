import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { buildRunbook, forwardPairs, loadContent, type PlanRequest, renderJson, renderMarkdown, toJson } from '../generator/index.ts';
import type { RunbookSection, RunbookStep } from '../generator/plan/runbook-model.ts';
import { internSteps } from '../generator/plan/step-identity.ts';

/**
 * Steps are shared between runbooks and their text is kept by the object (plan/step-identity.ts),
 * so a builder whose memo misses an input would hand one pair's step to another. Memos are kept
 * per content load: one load builds every request in turn, warm; each sampled request is then
 * built alone from a load of its own, cold, and must come out byte for byte the same.
 */
function requests(content: ReturnType<typeof loadContent>): PlanRequest[] {
  const pairs = forwardPairs(content).map(([f, t]) => ({ from: f.id, to: t.id }));
  // All pairs as built, then with the options the memos' keys hold: the utility, the policy, the services.
  return [
    ...pairs,
    ...pairs.map((p) => ({ ...p, utility: 'container' as const })),
    ...pairs.filter((_, i) => i % 3 === 0).map((p) => ({ ...p, fewestStops: true })),
    ...pairs.filter((_, i) => i % 5 === 0).map((p) => ({ ...p, services: ['nova', 'keystone', 'cinder'] })),
  ];
}

function digest(content: ReturnType<typeof loadContent>, request: PlanRequest): string {
  const runbook = buildRunbook(content, request);
  return createHash('sha256').update(renderMarkdown(runbook)).update('\0').update(renderJson(runbook)).digest('hex');
}

test('a runbook is the same whichever runbooks were built before it in the process', () => {
  const content = loadContent();
  const all = requests(content);
  const warm = all.map((request) => digest(content, request));
  let sampled = 0;
  for (let i = 0; i < all.length; i += 13) {
    const request = all[i] as PlanRequest;
    assert.equal(digest(loadContent(), request), warm[i], JSON.stringify(request));
    sampled++;
  }
  assert.ok(sampled > 50, `${sampled} requests built cold`);
});

test('the JSON is JSON.stringify of the contract, byte for byte, for every pair', () => {
  const content = loadContent();
  for (const [f, t] of forwardPairs(content)) {
    for (const utility of ['venv', 'container'] as const) {
      const runbook = buildRunbook(content, { from: f.id, to: t.id, utility });
      assert.equal(renderJson(runbook), `${JSON.stringify(toJson(runbook), null, 2)}\n`, `${f.id} → ${t.id} ${utility}`);
    }
  }
  const empty = buildRunbook(content, { from: 'kilo', to: 'liberty', services: ['horizon'] });
  assert.equal(renderJson(empty), `${JSON.stringify(toJson(empty), null, 2)}\n`, 'a runbook with empty sections');
});

test('the same step in two runbooks is one object, and it cannot be edited', () => {
  const content = loadContent();
  const step = (from: string, to: string, id: string) => {
    const found = buildRunbook(content, { from, to })
      .sections.flatMap((s) => s.steps)
      .find((s) => s.id === id);
    assert.ok(found, `${id} in ${from} → ${to}`);
    return found;
  };
  const a = step('kilo', 'pike', 'ocata.nova.db-sync');
  const b = step('newton', 'pike', 'ocata.nova.db-sync');
  assert.equal(a, b);
  assert.throws(() => {
    (a as { title: string }).title = 'edited';
  }, TypeError);
  assert.throws(() => a.commands.push('rm -rf /'), TypeError);
  // A step whose notes point back to an earlier one differs between pairs: not the same object.
  const c = buildRunbook(content, { from: 'juno', to: 'gazpacho' })
    .sections.flatMap((s) => s.steps)
    .find((s) => s.notes.some((n) => n.startsWith('Same note as at')));
  assert.ok(c, 'a step with a pointer');
});

test('steps built apart are one object only when every field agrees, fields beyond the model too', () => {
  const base = {
    title: 'Run the migrations',
    service: 'nova',
    series: 'ocata',
    commands: ['nova-manage db sync'],
    sources: ['https://example.org/a'],
    notes: ['First.', 'Second.'],
  };
  const one = (step: object): RunbookStep =>
    (internSteps([{ id: 'prepare', title: '', intro: '', steps: [step as RunbookStep] }])[0] as RunbookSection).steps[0] as RunbookStep;
  const id = (name: string) => `test.identity.${name}`;
  const a = one({ ...base, id: id('a') });
  assert.equal(one({ ...base, id: id('a'), notes: ['First.', 'Second.'] }), a, 'equal arrays, other objects');
  assert.equal(one({ id: id('a'), ...base, doneWhen: undefined }), a, 'a field undefined is a field absent, whatever the key order');
  assert.notEqual(one({ ...base, id: id('a'), notes: ['First.', 'Other.'] }), a, 'one note differs');
  assert.notEqual(one({ ...base, id: id('a'), hosts: ['compute'] }), a, 'hosts only on one');
  const extra = one({ ...base, id: id('a'), extra: 'x' });
  assert.notEqual(extra, a, 'a field the model does not declare differs');
  assert.equal((extra as unknown as { extra: string }).extra, 'x', 'and is kept');
  assert.equal(one({ ...base, id: id('a'), extra: 'x' }), extra, 'equal with it');
  assert.notEqual(one({ ...base, id: id('a'), extra: 'y' }), extra, 'different in it');
});
