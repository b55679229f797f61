import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRunbook, loadContent, renderMarkdown, type Runbook, type RunbookStep } from '../generator/index.ts';

// render/check-structure.ts checks a shared step's id once per process: these hold it to still
// catching a duplicate of a step it has seen, and to checking every step built by hand each time.
const content = loadContent();
const runbook = buildRunbook(content, { from: 'kilo', to: 'newton' });

function withSteps(base: Runbook, extra: RunbookStep[]): Runbook {
  const [first, ...rest] = base.sections;
  assert.ok(first);
  return { ...base, sections: [{ ...first, steps: [...first.steps, ...extra] }, ...rest] };
}

test('a step id met twice in one runbook fails the render, also when the step was rendered before', () => {
  renderMarkdown(runbook);
  const again = runbook.sections.at(-1)?.steps.at(-1);
  assert.ok(again);
  assert.throws(
    () => renderMarkdown(withSteps(runbook, [again])),
    new Error(`Unexpected duplicate step id \`${again.id}\`, expected unique ids [unique-step-id]`),
  );
});

test('a step built by hand is checked every time it is rendered', () => {
  const model = runbook.sections[0]?.steps[0];
  assert.ok(model);
  const bad: RunbookStep = { ...model, id: 'prepare.Bad_Id' };
  for (let i = 0; i < 2; i++) {
    assert.throws(
      () => renderMarkdown(withSteps(runbook, [bad])),
      new Error('Unexpected step id `prepare.Bad_Id`, expected dot-separated kebab-case parts [step-id]'),
    );
  }
  assert.doesNotThrow(() => renderMarkdown(withSteps(runbook, [{ ...model, id: 'prepare.good-id' }])));
});
