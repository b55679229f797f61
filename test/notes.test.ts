import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildRunbook, loadContent, renderMarkdown } from '../generator/index.ts';
import { checkNote } from '../generator/validate/check-notes.ts';
import { syntheticContent } from './support/synthetic-content.ts';

const SRC = 'https://opendev.org/openstack/alpha/src/tag/1.0.0/x';
const front = `---\nservice: alpha\nseries: b\ntitle: Field notes\nauthors: [ops team]\nsources: [${SRC}]\n---\n`;

test('a community note is rendered into the runbooks that cross its series', () => {
  const dir = syntheticContent({ series: ['a', 'b', 'c'] });
  writeFileSync(
    join(dir, 'series', 'b', 'alpha.md'),
    `${front}\n### Before the sync\n\nCheck the cell mappings first:\n\n\`\`\`sh\nalpha-manage cells list\n\`\`\`\n`,
  );
  const content = loadContent(dir);
  const md = renderMarkdown(buildRunbook(content, { from: 'a', to: 'c', services: ['alpha'] }));
  assert.match(md, /- \[ \] `prepare\.community\.b\.alpha` Read the community note on Alpha at B: Field notes/);
  assert.match(md, /\n {2}### Before the sync\n/);
  assert.match(md, /\n {2}```sh\n {2}alpha-manage cells list\n {2}```\n/);
  const later = renderMarkdown(buildRunbook(content, { from: 'b', to: 'c', services: ['alpha'] }));
  assert.match(later, /prepare\.community\.b\.alpha/, 'a note on the source series is still worth reading');
});

test('a hostile note is reported by validate and renders without HTML or script links anyway', () => {
  const hostile = `${front}\n### Hi\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3)) and [ok](https://example.org/)\n`;
  const { note, problems } = checkNote('series/b/alpha.md', hostile);
  assert.deepEqual(
    problems.map((p) => p.ruleId),
    ['note-raw-html', 'note-raw-html', 'note-link-https'],
  );
  assert.ok(note);
  assert.doesNotMatch(note.body, /<script|<img|onerror|javascript:/);
  assert.match(note.body, /\[ok\]\(https:\/\/example\.org\/\)/);
});
