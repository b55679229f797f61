import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { jsonSchemas } from '../generator/schema/json-schema.ts';

test("the committed editor schemas are the ones the validator's schemas generate (run npm run schemas)", () => {
  for (const [name, text] of jsonSchemas()) {
    assert.equal(readFileSync(new URL(`../content/schemas/${name}`, import.meta.url), 'utf8'), text, name);
  }
});

test('editor schemas reject unknown keys and document fields', () => {
  const release = JSON.parse(jsonSchemas().find(([n]) => n === 'release.schema.json')![1]);
  assert.equal(release.additionalProperties, false);
  assert.match(release.properties['min-start'].description, /Oldest series/);
  assert.deepEqual(release.properties.steps.items.properties.phase.enum, [
    'pre-check',
    'housekeeping',
    'before-window',
    'config-check',
    'carry-forward',
    'schema',
    'online',
    'one-time',
    'post-deploy',
    'post-start',
    'verify',
  ]);
});
