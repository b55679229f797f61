import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRunbook, loadContent, renderMarkdown } from '../generator/index.ts';
import type { Runbook } from '../generator/plan/runbook-model.ts';

const content = loadContent();

/** The runbook with one step of the offline section replaced by an edited copy (built by hand, not shared). */
function withEditedStep(runbook: Runbook, title: string): Runbook {
  return {
    ...runbook,
    sections: runbook.sections.map((section) =>
      section.id === 'offline-migrations'
        ? { ...section, steps: section.steps.map((s, i) => (i === section.steps.length - 1 ? { ...s, title } : s)) }
        : section,
    ),
  };
}

test("a group's kept Markdown is what the group renders: a runbook rendered warm equals its cold rendering", () => {
  const runbook = buildRunbook(content, { from: 'rocky', to: 'train' });
  const first = renderMarkdown(runbook);
  // Other pairs share rocky -> train's groups (same stops, same steps): they are kept before it renders again.
  for (const to of ['stein', 'ussuri', 'victoria']) renderMarkdown(buildRunbook(content, { from: 'rocky', to }));
  assert.equal(renderMarkdown(buildRunbook(content, { from: 'rocky', to: 'train' })), first);
});

test('a group holding a step built by hand is written anew each time: its edits show', () => {
  const runbook = buildRunbook(content, { from: 'rocky', to: 'train' });
  renderMarkdown(runbook);
  const one = renderMarkdown(withEditedStep(runbook, 'Edited once'));
  const two = renderMarkdown(withEditedStep(runbook, 'Edited twice'));
  assert.match(one, /Edited once/);
  assert.doesNotMatch(one, /Edited twice/);
  assert.match(two, /Edited twice/);
  assert.doesNotMatch(two, /Edited once/);
  assert.equal(one.replace('Edited once', 'Edited twice'), two);
});
