import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildRunbook, loadContent, renderJson, renderMarkdown } from '../generator/index.ts';

/**
 * Two small real runbooks, whole, as committed files: any change to what an operator reads shows
 * up here as a diff to review. After an intended change: UPDATE_GOLDEN=1 node --test test/golden.test.ts
 */
const PAIRS = [
  { from: 'rocky', to: 'stein', services: ['glance'] },
  { from: 'epoxy', to: 'flamingo', services: ['keystone', 'placement'] },
];

const content = loadContent();
for (const request of PAIRS) {
  const name = `${request.from}-${request.to}-${request.services.join('-')}`;
  test(`golden runbook ${name} (Markdown and JSON)`, () => {
    const runbook = buildRunbook(content, request);
    for (const [ext, text] of [
      ['md', renderMarkdown(runbook)],
      ['json', renderJson(runbook)],
    ] as const) {
      const file = new URL(`golden/${name}.${ext}`, import.meta.url);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
      assert.equal(text, readFileSync(file, 'utf8'), `${name}.${ext} differs: review, then UPDATE_GOLDEN=1`);
    }
  });
}
