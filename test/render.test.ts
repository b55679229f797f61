import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Code, Link, ListItem, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { buildRunbook, loadContent, renderMarkdown, ROLE_NAMES, toJson } from '../generator/index.ts';
import { stepsInMarkdown } from './support/markdown-steps.ts';
import { syntheticContent } from './support/synthetic-content.ts';
import { at } from './support/at.ts';

const SRC = ['https://opendev.org/openstack/alpha/src/tag/1.0.0/x'];
const NASTY = [
  `alpha-manage db sync --x '<a href="x">' "$HOME" | tee \`date\` && echo {{x}} {{{y}}} & \`\`\` done`,
  'echo "two  spaces"  \n    indented\tand tab\n\nafter a blank line',
  '```',
  '<script>alert(1)</script> &amp; &lt; \\n \\\\ * _ [x](y) # h',
];

/** A utility command holds one invocation of the tool (validate/rules/utility-commands.ts), quoting and all. */
const UTILITY = `alpha-manage db sync --x '"a"  b' --config-file="/etc/alpha/alpha.conf" -- 50% x:y@z`;

function nastyContent() {
  return syntheticContent({
    series: ['a', 'b', 'c', 'd'],
    releases: {
      'c/alpha': { steps: [{ id: 'db-sync', phase: 'schema', title: 'Nasty a < b && "q" *title* {{t}}', commands: NASTY, utility: false, sources: SRC }] },
    },
  });
}

test('commands come out byte for byte in Markdown and JSON, whatever characters they hold', () => {
  const content = loadContent(nastyContent());
  const runbook = buildRunbook(content, { from: 'a', to: 'd' });
  const json = toJson(runbook);
  const step = json.sections.flatMap((s) => s.steps).find((s) => s.id === 'c.alpha.db-sync')!;
  assert.deepEqual(step.commands, NASTY);
  const md = stepsInMarkdown(renderMarkdown(runbook)).find((s) => s.id === 'c.alpha.db-sync')!;
  assert.deepEqual(md.commands, NASTY);
});

test('utility commands keep the content text byte for byte behind the venv path', () => {
  const content = loadContent(
    syntheticContent({
      series: ['a', 'b', 'c'],
      releases: { 'b/alpha': { steps: [{ id: 'db-sync', phase: 'schema', title: 'Sync', commands: [UTILITY], sources: SRC }] } },
    }),
  );
  const json = toJson(buildRunbook(content, { from: 'a', to: 'c', services: ['alpha'] }));
  const step = json.sections.flatMap((s) => s.steps).find((s) => s.id === 'b.alpha.db-sync')!;
  assert.deepEqual(step.commands, [`sudo -u alpha /opt/leapfrog/b/bin/${UTILITY}`]);
  assert.equal(step.series, 'b');
});

test('every step is an unchecked task item and the Markdown lists the same steps as the JSON, in order', () => {
  const content = loadContent(nastyContent());
  const runbook = buildRunbook(content, { from: 'a', to: 'd' });
  const md = stepsInMarkdown(renderMarkdown(runbook));
  const json = toJson(runbook).sections.flatMap((s) => s.steps);
  assert.deepEqual(
    md.map((s) => s.id),
    json.map((s) => s.id),
  );
  assert.ok(md.every((s) => s.checked === false));
  assert.deepEqual(
    md.map((s) => s.commands),
    json.map((s) => s.commands),
  );
});

test('step ids stay the same when content changes elsewhere', () => {
  const before = toJson(buildRunbook(loadContent(syntheticContent({ series: ['a', 'b', 'c', 'd'] })), { from: 'a', to: 'd' }));
  const edited = loadContent(
    syntheticContent({
      series: ['a', 'b', 'c', 'd'],
      releases: {
        'b/beta': {
          steps: [
            { id: 'new-first-step', phase: 'one-time', title: 'A new step', commands: ['beta-manage new'], sources: SRC },
            { id: 'db-sync', phase: 'schema', title: 'Sync beta, retitled', commands: ['beta-manage db sync --changed'], sources: SRC },
            { id: 'online-data-migrations', phase: 'online', title: 'Online', commands: ['beta-manage db online_data_migrations'], sources: SRC },
            { id: 'upgrade-check', phase: 'verify', title: 'Check', commands: ['beta-status upgrade check'], sources: SRC },
          ],
        },
      },
    }),
  );
  const after = toJson(buildRunbook(edited, { from: 'a', to: 'd' }));
  const ids = (j: typeof before) => j.sections.flatMap((s) => s.steps.map((x) => x.id));
  const added = ids(after).filter((id) => !ids(before).includes(id));
  assert.deepEqual(added, ['b.beta.new-first-step']);
  assert.deepEqual(
    ids(after).filter((id) => id !== 'b.beta.new-first-step'),
    ids(before),
  );
});

test('the JSON runbook has exactly the contract keys', () => {
  const json = toJson(buildRunbook(loadContent(syntheticContent({ series: ['a', 'b', 'c'] })), { from: 'a', to: 'c' }));
  assert.deepEqual(Object.keys(json), ['version', 'from', 'to', 'utility', 'services', 'stops', 'sections']);
  assert.equal(json.version, 1);
  assert.deepEqual(Object.keys(at(json.stops, 0, 'stop')), ['series', 'services', 'reasons']);
  assert.deepEqual(Object.keys(at(json.sections, 0, 'section')), ['id', 'title', 'steps']);
  for (const step of json.sections.flatMap((s) => s.steps)) {
    // `hosts` is the one optional key: present on steps that run on some kinds of host only.
    const keys = ['id', 'title', 'service', 'series', 'commands', 'sources'];
    assert.deepEqual(Object.keys(step), step.hosts ? [...keys, 'hosts'] : keys);
  }
  const stop = json.sections.flatMap((s) => s.steps).find((s) => s.id === 'offline.stop.alpha')!;
  assert.deepEqual(stop.hosts, ['controller']);
  assert.deepEqual(
    json.sections.map((s) => s.id),
    ['prepare', 'offline-migrations', 'deploy-target', 'verify', 'roll-back'],
  );
});

test("offline work runs service by service in migration order: the source's own online migrations, then each stop", () => {
  const json = toJson(buildRunbook(loadContent(syntheticContent({ series: ['a', 'b', 'c', 'd'] })), { from: 'a', to: 'd' }));
  const offline = json.sections.find((s) => s.id === 'offline-migrations')!.steps.map((s) => s.id);
  assert.deepEqual(offline, [
    'offline.stop.alpha',
    'offline.stop.beta',
    'offline.backup.alpha',
    'offline.backup.beta',
    'offline.backup.configuration',
    'a.alpha.online-data-migrations',
    'b.alpha.db-sync',
    'b.alpha.online-data-migrations',
    'c.alpha.db-sync',
    'c.alpha.online-data-migrations',
    'd.alpha.db-sync',
    'd.alpha.online-data-migrations',
    'a.beta.online-data-migrations',
    'b.beta.db-sync',
    'b.beta.online-data-migrations',
    'c.beta.db-sync',
    'c.beta.online-data-migrations',
    'd.beta.db-sync',
    'd.beta.online-data-migrations',
  ]);
});

test('a blocker becomes a gate before the blocked stop, saying how to tell the work is complete', () => {
  const content = loadContent(
    syntheticContent({
      series: ['a', 'b', 'c', 'd'],
      releases: { 'c/alpha': { blockers: [{ requires: 'b', steps: ['online-data-migrations'], text: 'B data must be migrated', sources: SRC }] } },
    }),
  );
  const runbook = buildRunbook(content, { from: 'a', to: 'd', services: ['alpha'] });
  const offline = at(runbook.sections, 1, 'section').steps;
  const gate = offline.findIndex((s) => s.id === 'c.alpha.requires.b');
  assert.ok(gate > offline.findIndex((s) => s.id === 'b.alpha.online-data-migrations'));
  assert.ok(gate < offline.findIndex((s) => s.id === 'c.alpha.db-sync'));
  assert.deepEqual(at(offline, gate, 'step').notes, ['B data must be migrated', '`b.alpha.online-data-migrations` is complete when: exit code 0']);
});

test('the Markdown says what the model says: parsed once, it gives back every title, note, command and source', () => {
  const hostile = 'Run *this* _now_ a < b && c > d &amp; [l](https://e.org) ~~s~~ a|b \\ `code *x*` http://h.example:8 {{t}}';
  const content = loadContent(
    syntheticContent({
      series: ['a', 'b', 'c', 'd'],
      releases: {
        'c/alpha': {
          steps: [
            {
              id: 'db-sync',
              phase: 'schema',
              title: `# ${hostile}`,
              commands: NASTY,
              utility: false,
              notes: ['1. not a list', '- not a bullet', `> ${hostile}`, '+ x', '=== x'],
              'done-when': hostile,
              sources: SRC,
            },
          ],
        },
      },
    }),
  );
  const runbook = buildRunbook(content, { from: 'a', to: 'd' });
  const tree = unified().use(remarkParse).use(remarkGfm).parse(renderMarkdown(runbook)) as Root;
  assert.equal(tree.children.filter((n) => n.type === 'heading' && n.depth === 1).length, 1, 'one title');
  const items: ListItem[] = [];
  visit(tree, 'listItem', (item: ListItem) => {
    if (item.checked === false) items.push(item);
  });
  const steps = runbook.sections.flatMap((s) => s.steps);
  assert.equal(items.length, steps.length, 'every step is a task item');
  steps.forEach((step, i) => {
    const [head, ...rest] = at(items, i, 'list item').children;
    assert.ok(head, `${step.id} has a first line`);
    assert.equal(plain(head), plain(`\`${step.id}\` ${step.title}`), step.id);
    assert.deepEqual(
      rest.filter((n) => n.type === 'code').map((n) => (n as Code).value),
      step.commands,
    );
    assert.ok(
      rest.filter((n) => n.type === 'code').every((n) => (n as Code).lang === 'sh'),
      'every command is a fenced sh block',
    );
    const paragraphs = rest.filter((n) => n.type === 'paragraph').map(plain);
    const on = step.hosts ? [`Run on: ${step.hosts.map((r) => ROLE_NAMES[r]).join(', ')}.`] : [];
    assert.deepEqual(paragraphs.slice(0, on.length + step.notes.length), [...on, ...step.notes.map(plain)], step.id);
    if (step.doneWhen) assert.ok(paragraphs.includes(`Done when: ${plain(step.doneWhen)}`), step.id);
    const links: string[] = [];
    visit(rest.at(-1)!, 'link', (l: Link) => {
      links.push(l.url);
    });
    if (step.sources.length) assert.deepEqual(links, step.sources, step.id);
  });
});

/** What a reader sees of a node or of content prose: its text, code spans without their backticks. */
function plain(node: RootContent | string): string {
  if (typeof node === 'string')
    return node
      .replace(/\r\n?|\n/g, ' ')
      .split(/`([^`\n]+)`/)
      .join('');
  let out = '';
  visit(node, (n) => {
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value;
  });
  return out;
}

test('a note repeated at later stops is printed once, later copies point back to the first step', () => {
  const note = { notes: ['Back up first, this takes a while.'] };
  const step = () => ({ id: 'db-sync', phase: 'schema', title: 'Sync', commands: ['alpha-manage db sync'], ...note, sources: SRC });
  const content = loadContent(
    syntheticContent({
      series: ['a', 'b', 'c', 'd'],
      releases: { 'b/alpha': { steps: [step()] }, 'c/alpha': { steps: [step()] }, 'd/alpha': { steps: [step()] } },
    }),
  );
  const steps = at(buildRunbook(content, { from: 'a', to: 'd', services: ['alpha'] }).sections, 1, 'section').steps;
  const notes = (id: string) => steps.find((s) => s.id === id)!.notes;
  assert.deepEqual(notes('b.alpha.db-sync'), ['Back up first, this takes a while.']);
  assert.deepEqual(notes('c.alpha.db-sync'), ['Same note as at `b.alpha.db-sync`.']);
  assert.deepEqual(notes('d.alpha.db-sync'), ['Same note as at `b.alpha.db-sync`.']);
});

test('a repeated note only points back to a step of the same service', () => {
  const content = loadContent(syntheticContent({ series: ['a', 'b', 'c'] }));
  const steps = at(buildRunbook(content, { from: 'a', to: 'c' }).sections, 1, 'section').steps;
  const stopNotes = (service: string) => steps.find((s) => s.id === `offline.stop.${service}`)!.notes;
  assert.deepEqual(stopNotes('alpha'), stopNotes('beta'), "each service's stop step keeps its own copy");
  assert.ok(stopNotes('beta').every((n) => !n.startsWith('Same note')));
});

test('two notes repeated from the same step make one pointer back, not two', () => {
  const step = () => ({
    id: 'db-sync',
    phase: 'schema',
    title: 'Sync',
    commands: ['alpha-manage db sync'],
    notes: ['First note.', 'Second note.'],
    sources: SRC,
  });
  const content = loadContent(syntheticContent({ series: ['a', 'b', 'c'], releases: { 'b/alpha': { steps: [step()] }, 'c/alpha': { steps: [step()] } } }));
  const steps = at(buildRunbook(content, { from: 'a', to: 'c', services: ['alpha'] }).sections, 1, 'section').steps;
  assert.deepEqual(steps.find((s) => s.id === 'c.alpha.db-sync')!.notes, ['Same note as at `b.alpha.db-sync`.']);
});

test('two web servers get a start step each, with distinct ids', () => {
  const dir = syntheticContent({
    series: ['a', 'b'],
    serviceOverrides: {
      alpha: { units: [{ name: 'apache2', wsgi: 'alpha-api' }] },
      beta: { units: [{ name: 'httpd', wsgi: 'beta-api' }] },
    },
  });
  const content = loadContent(dir);
  const runbook = buildRunbook(content, { from: 'a', to: 'b' });
  const deploy = runbook.sections.find((s) => s.id === 'deploy-target')!.steps.map((s) => s.id);
  assert.deepEqual(
    deploy.filter((id) => id.startsWith('deploy.web-server.')),
    ['deploy.web-server.apache2.start', 'deploy.web-server.httpd.start'],
  );
  assert.ok(renderMarkdown(runbook).includes('`deploy.web-server.httpd.start`'));
});
