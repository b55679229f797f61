import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import Handlebars from 'handlebars';
import { buildRunbook, loadContent, renderMarkdown } from '../generator/index.ts';
import { fieldsRead } from '../generator/render/template-fields.ts';

const CLI = fileURLToPath(new URL('../bin/leapfrog.js', import.meta.url));
const fields = (source: string) => fieldsRead(Handlebars.parse(source), ['text', 'sources', 'fence']);

test("a step part's cache key is every field its template reads, a helper's name not among them", () => {
  assert.deepEqual(fields('{{#if sources.length}}{{text "Sources: " (sources sources)}}{{/if}}'), ['sources']);
  assert.deepEqual(fields('{{#each commands}}{{fence this 2}}{{/each}}{{text title}} {{id}}'), ['commands', 'id', 'title']);
  assert.deepEqual(fields('{{#each notes}}{{@index}} {{text this}}{{/each}}'), ['notes']);
});

test('a step part that reads outside its step is not cached by fields', () => {
  assert.equal(fields('{{> other}}'), undefined);
  assert.equal(fields('{{#each notes}}{{../title}}{{/each}}'), undefined);
  assert.equal(fields('{{@root.to.name}}'), undefined);
});

test("a runbook comes out the same whatever this process rendered before: no step borrows another's text", () => {
  // Filtered to keystone, juno -> kilo holds steps that differ from the whole cloud's only in
  // their sources (horizon's site on the shared web server): the parts kept by fields must tell them apart.
  const content = loadContent();
  renderMarkdown(buildRunbook(content, { from: 'juno', to: 'kilo' }));
  renderMarkdown(buildRunbook(content, { from: 'juno', to: 'kilo', utility: 'container' }));
  for (const args of [
    ['--services', 'keystone'],
    ['--services', 'keystone', '--utility', 'container'],
  ]) {
    const warm = renderMarkdown(
      buildRunbook(content, { from: 'juno', to: 'kilo', services: ['keystone'], ...(args.includes('container') ? { utility: 'container' as const } : {}) }),
    );
    const cold = spawnSync(process.execPath, [CLI, 'runbook', '--from', 'juno', '--to', 'kilo', ...args], { encoding: 'utf8' });
    assert.equal(cold.status, 0, cold.stderr);
    assert.equal(warm, cold.stdout, args.join(' '));
  }
});
