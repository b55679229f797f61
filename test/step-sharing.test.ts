import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRunbook, forwardPairs, loadContent } from '../generator/index.ts';

// A file of its own: a process that built other requests first may hold more variants of a step
// id than plan/step-identity.ts keeps, and then an equal step is rightly built again.
test('equal steps are one object, whichever builder and arguments made them', () => {
  // The renderers pay once per object (Markdown, JSON, their bytes): a roll back's redeploy step
  // is the same for every target of a source, and must not be a new object for each.
  const content = loadContent();
  const objects = new Set<object>();
  const texts = new Map<string, object>();
  for (const [f, t] of forwardPairs(content)) {
    for (const section of buildRunbook(content, { from: f.id, to: t.id }).sections) {
      for (const step of section.steps) {
        if (objects.has(step)) continue;
        objects.add(step);
        const text = JSON.stringify(step, Object.keys(step).sort());
        assert.ok(!texts.has(text), `${step.id} is built as two equal objects`);
        texts.set(text, step);
      }
    }
  }
  assert.ok(objects.size > 5000, `${objects.size} distinct steps`);
});
