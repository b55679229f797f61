import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkContent, formatReport } from '../generator/index.ts';
import { CASES, contentFor } from './support/fixture-content.ts';

/**
 * One folder per broken-content case: `content/` is laid over a valid base, `delete` lists files
 * to remove, `expected.txt` pins the exact report. UPDATE_EXPECTED=1 rewrites the expectations.
 */
test('the base fixture is valid', () => {
  const root = contentFor('__none__');
  assert.equal(formatReport(checkContent(root, root).problems), '0 problems found');
});

test('broken content is reported with file:line:column, rule and fix', async (t) => {
  const names = readdirSync(CASES).sort();
  assert.ok(names.length >= 30, `expected at least 30 cases, found ${names.length}`);
  for (const name of names) {
    await t.test(name, () => {
      const root = contentFor(name);
      const { problems } = checkContent(root, root);
      const report = `${formatReport(problems)}\n`;
      const expectedFile = join(CASES, name, 'expected.txt');
      if (process.env.UPDATE_EXPECTED) writeFileSync(expectedFile, report);
      assert.ok(problems.length > 0, 'expected at least one problem');
      assert.equal(report, readFileSync(expectedFile, 'utf8'));
    });
  }
});

test('a __proto__ key pollutes nothing', () => {
  const root = contentFor('proto-key');
  checkContent(root, root);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.hasOwn(Object.prototype, 'polluted'), false);
});
