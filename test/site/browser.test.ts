/**
 * The built site in Debian's Chromium (playwright-core), served on 127.0.0.1: checklist state,
 * service filter, commands byte for byte, the print PDF, the home picker, search, no outside requests.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildRunbook, groupSteps, loadContent, toJson } from '../../generator/index.ts';
import { printPdf } from '../../site/scripts/pdf.ts';
import { SiteSession } from './support/site-session.ts';
import { box, step, tick } from './support/steps.ts';

const content = loadContent(resolve(import.meta.dirname, '../../content'));
const dir = mkdtempSync(join(tmpdir(), 'leapfrog-site-'));
const out = join(dir, 'site');
const s = SiteSession.forThisFile(out);
const open = (path: string): Promise<Page> => s.open(path);

test('a ticked step survives a reload and a browser restart; progress and reset follow', async () => {
  let page = await open('/runbooks/kilo/newton/');
  const id = 'prepare.update-source';
  assert.equal(await box(page, id).isChecked(), false);
  const prog = page.locator('#prepare .prog');
  const before = await prog.textContent();
  assert.match(before ?? '', /^0 of \d+ steps done$/);
  await tick(page, id);
  assert.match((await prog.textContent()) ?? '', /^1 of \d+ steps done$/);
  await page.reload();
  assert.equal(await box(page, id).isChecked(), true);
  assert.equal(await page.evaluate(() => localStorage.getItem('leapfrog:kilo/newton:prepare.update-source')), '1');

  // Same profile, new browser process.
  await s.restart();
  page = await open('/runbooks/kilo/newton/');
  assert.equal(await box(page, id).isChecked(), true);
  // Another pair does not share the tick.
  page = await open('/runbooks/kilo/ocata/');
  assert.equal(await box(page, id).isChecked(), false);

  page = await open('/runbooks/kilo/newton/');
  page.once('dialog', (d) => d.accept());
  await page.locator('#reset').click();
  assert.equal(await box(page, id).isChecked(), false);
  await page.reload();
  assert.equal(await box(page, id).isChecked(), false);
});

test('steps tick with the keyboard', async () => {
  const page = await open('/runbooks/kilo/newton/');
  const id = 'prepare.kilo.nova.db-version';
  await box(page, id).focus();
  await page.keyboard.press('Space');
  assert.equal(await box(page, id).isChecked(), true);
  await page.keyboard.press('Space');
  assert.equal(await box(page, id).isChecked(), false);
});

const kiloNewton = buildRunbook(content, { from: 'kilo', to: 'newton' });
/** The steps a filter on one service shows: its own, and the shared steps of groups it has a step in (or of no service's). */
const shownFor = (svc: string): string[] =>
  kiloNewton.sections.flatMap((sec) =>
    groupSteps(sec.steps).flatMap((g) => {
      const services = new Set(g.steps.map((x) => x.service).filter(Boolean));
      return g.steps.filter((x) => x.service === svc || (x.service === null && (services.size === 0 || services.has(svc)))).map((x) => x.id);
    }),
  );

test("the service filter is in the URL and hides the other services' steps", async () => {
  let page = await open('/runbooks/kilo/newton/');
  assert.ok(await step(page, 'offline.backup.cinder').isVisible());
  await page.locator('#filter input[value="cinder"]').uncheck();
  assert.match(page.url(), /\?services=keystone,glance,nova,neutron,heat,ironic,horizon$/);
  assert.equal(await step(page, 'offline.backup.cinder').isVisible(), false);
  assert.ok(await step(page, 'offline.backup.nova').isVisible());

  // Every service alone: exactly its steps and the shared steps of its groups (the page names a
  // step's service in data-svc only where the step id does not say it).
  for (const svc of kiloNewton.plan.services.map((x) => x.id)) {
    page = await open(`/runbooks/kilo/newton/?services=${svc}`);
    const visible = await page.$$eval('.steps > li', (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.id));
    assert.deepEqual(visible, shownFor(svc), svc);
  }
  page = await open('/runbooks/kilo/newton/?services=nova');
  assert.ok(await step(page, 'prepare.update-source').isVisible(), 'steps of no single service stay');
  assert.equal(await page.locator('#svc-names').textContent(), 'Nova (Compute)');
  await page.locator('#filter input[value="keystone"]').check();
  assert.match(page.url(), /\?services=keystone,nova$/);
  assert.ok(await step(page, 'offline.backup.keystone').isVisible());
});

for (const [from, to, utility] of [
  ['kilo', 'newton', 'venv'],
  ['rocky', 'train', 'venv'],
  ['juno', 'gazpacho', 'venv'],
  ['kilo', 'newton', 'container'],
  ['antelope', 'gazpacho', 'container'],
] as const) {
  test(`${from} -> ${to} (${utility}): every step and command on the page equals the library's JSON byte for byte`, async () => {
    const json = toJson(buildRunbook(content, { from, to, utility }));
    const page = await open(`/runbooks/${from}/${to}/${utility === 'container' ? '?utility=container' : ''}`);
    // The container utility is shown on the complete page, where each step carries its container form.
    if (utility === 'container') await page.waitForURL(/\/all\/\?utility=container$/);
    const onPage = await page.$$eval('.steps > li', (els) =>
      els.map((li) => ({ id: li.id, commands: [...li.querySelectorAll(':scope > pre')].map((c) => c.textContent) })),
    );
    const expected = json.sections.flatMap((s) => s.steps.map((st) => ({ id: st.id, commands: st.commands })));
    assert.deepEqual(onPage, expected);
  });
}

test('the print PDF holds every step id and every command', async () => {
  const pdf = join(dir, 'kilo-newton.pdf');
  await printPdf({ site: out, from: 'kilo', to: 'newton', services: [], out: pdf });
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const flat = text.replace(/\s+/g, '');
  const json = toJson(buildRunbook(content, { from: 'kilo', to: 'newton' }));
  for (const s of json.sections) {
    for (const st of s.steps) {
      assert.ok(flat.includes(st.id), `step id ${st.id} in the PDF`);
      for (const c of st.commands) assert.ok(flat.includes(c.replace(/\s+/g, '')), `command of ${st.id} in the PDF: ${c}`);
    }
  }
  for (const label of ['Change ticket', 'Operator', 'Reviewer', 'Date', 'Initials', 'https://opendev.org/']) assert.ok(text.includes(label), label);
  assert.doesNotMatch(text, /Skip to content|Reset all ticks/, 'no navigation or controls in print');
});

test('the home picker reaches the runbook page, services in the URL', async () => {
  const page = await open('/');
  await page.selectOption('#from', 'rocky');
  await page.selectOption('#to', 'train');
  await page.locator('#picker input[value="nova"]').check();
  await Promise.all([page.waitForURL(/\/runbooks\/rocky\/train\/\?services=nova$/), page.locator('#picker button[type=submit]').click()]);
  assert.match((await page.locator('h1').textContent()) ?? '', /Rocky .* → Train/);
  assert.equal(await step(page, 'offline.backup.cinder').isVisible(), false);
  // Without JavaScript the pair table links there too.
  const home = await open('/');
  await Promise.all([home.waitForURL(/\/runbooks\/kilo\/newton\/$/), home.locator('a[aria-label="Kilo to Newton"]').click()]);
});

test('search finds steps and notes on the series pages', async () => {
  const page = await open('/search/');
  await page.locator('.pagefind-ui__search-input').fill('api_db sync');
  // The first result's own link: results load one by one, and a later one can show first.
  const first = page.locator('.pagefind-ui__results > li').first().locator('.pagefind-ui__result-link').first();
  await first.waitFor({ timeout: 15_000 });
  assert.match((await first.getAttribute('href')) ?? '', /\/series\/[a-z]+\//);
});

test('without JavaScript the page still has every step, and no dead controls', () => {
  const html = readFileSync(join(out, 'runbooks/kilo/newton/index.html'), 'utf8');
  // The filter, the bar and every button are made by the script.
  assert.doesNotMatch(html, /id="?(filter|bar|resume|reset|print)\b|class="?(copy|more-b)\b/);
  assert.match(html, /<li id=offline\.stop\.nova><label><input type=checkbox> /);
  assert.match(
    html,
    /<p class="utility">Utilities: <a href="\?utility=venv">a virtualenv per stop<\/a> \(shown\) or <a href="\/runbooks\/kilo\/newton\/all\/\?utility=container">/,
    'the other method is one link away',
  );
  // Folded details: the page says where they are without JavaScript, and the complete page has them all.
  assert.match(html, /Without JavaScript nothing is kept and Details do not open: read and print the complete page/);
  assert.match(html, /<a href="\/runbooks\/kilo\/newton\/all\/" id="all">The complete page<\/a>/);
  const all = readFileSync(join(out, 'runbooks/kilo/newton/all/index.html'), 'utf8');
  const steps = buildRunbook(content, { from: 'kilo', to: 'newton' }).sections.flatMap((x) => x.steps);
  for (const st of steps) assert.ok(all.includes(`<li id="${st.id}"`), st.id);
  assert.equal((all.match(/<p class="done">/g) ?? []).length, steps.filter((st) => st.doneWhen).length, 'every done-when');
  assert.equal((all.match(/<details class="src">/g) ?? []).length, steps.filter((st) => st.sources.length).length, "every step's sources");
});
