/**
 * The runbook page in the change window, in Debian's Chromium on 127.0.0.1: keeping your place
 * (resume after a browser restart, the sticky bar mid-page, next unticked), the filter's messages,
 * the print PDF as a change record, search by pair and step id, dark mode, a 390 px phone.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { printPdf } from '../../site/scripts/pdf.ts';
import { SiteSession } from './support/site-session.ts';
import { box, step, tick } from './support/steps.ts';
import { at } from '../support/at.ts';

const dir = mkdtempSync(join(tmpdir(), 'leapfrog-place-'));
const out = join(dir, 'site');
const s = SiteSession.forThisFile(out, { errors: true });
const open = (path: string): Promise<Page> => s.open(path);

const inView = (page: Page, id: string) =>
  step(page, id).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight;
  });
const stepIds = (page: Page) => page.$$eval('.steps > li', (els) => els.map((e) => e.id));

test('after a browser restart the page offers to resume at the first unticked step, and the home page lists the runbook', async () => {
  let page = await open('/runbooks/kilo/newton/');
  const ids = await stepIds(page);
  for (const id of ids.slice(0, 3)) await tick(page, id);
  assert.equal(await page.locator('#resume').isVisible(), false, 'no offer while working');

  await s.restart();
  page = await open('/runbooks/kilo/newton/');
  const resume = page.locator('#resume');
  assert.ok(await resume.isVisible());
  assert.match((await resume.textContent()) ?? '', new RegExp(`ticked 3 of ${ids.length} steps`));
  const [first, next] = [at(ids, 0, 'step id'), at(ids, 3, 'step id')];
  assert.equal(await inView(page, next), false, 'the page opens at the top');
  await page.locator('#resume-go').click();
  assert.ok(await inView(page, next), 'the first unticked step is on screen');
  assert.ok(await box(page, next).evaluate((el) => el === document.activeElement), 'and its checkbox has focus');
  assert.match(page.url(), new RegExp(`#${next.replace(/\./g, '\\.')}$`));
  // Ticked steps fold to their title line.
  const folded = await step(page, first).evaluate((li) => [...li.children].filter((c) => c.tagName !== 'LABEL').map((c) => getComputedStyle(c).display));
  assert.ok(folded.length > 0 && folded.every((d) => d === 'none'), `a ticked step shows its title line only (${folded})`);

  const home = await open('/');
  const item = home.locator('#in-progress a', { hasText: 'Kilo → Newton' });
  assert.match((await home.locator('#in-progress li').first().textContent()) ?? '', new RegExp(`3 of ${ids.length} steps ticked`));
  await Promise.all([home.waitForURL(/\/runbooks\/kilo\/newton\/$/), item.click()]);
});

test('mid-page the sticky bar shows pair, section › group and n/m; the contents mark the section; n goes to the next unticked step', async () => {
  const page = await open('/runbooks/kilo/newton/#offline.stop.nova');
  await page.waitForTimeout(100);
  const bar = page.locator('#bar');
  const top = await bar.evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 2, `bar at the top of the screen (top ${top})`);
  assert.ok(await bar.isVisible());
  assert.match((await bar.textContent()) ?? '', /Kilo → Newton/);
  assert.match((await page.locator('#where').textContent()) ?? '', /^2\. Offline migrations › Stop the services$/);
  const total = (await stepIds(page)).length;
  assert.match((await page.locator('#count').textContent()) ?? '', new RegExp(`^\\d+/${total}$`));
  assert.equal(await page.locator('.toc a[aria-current]').textContent(), 'Offline migrations');
  assert.match((await page.locator('.toc [data-of="prepare"]').textContent()) ?? '', /^\d+\/\d+$/);

  const first = await page.$$eval('.steps > li', (els) => els.find((li) => !(li.querySelector('input') as HTMLInputElement).checked)!.id);
  await page.locator('body').press('n');
  assert.ok(await inView(page, first));
  await tick(page, first);
  const second = await page.$$eval('.steps > li', (els) => els.find((li) => !(li.querySelector('input') as HTMLInputElement).checked)!.id);
  await page.locator('#next').click();
  assert.ok(await inView(page, second));
  assert.ok(await page.locator(`.steps > li[id="${first}"]`).evaluate((el) => (el.querySelector('input') as HTMLInputElement).checked));
});

test('the filter names unknown services, keeps one service shown, "only" narrows, reset clears only what is shown', async () => {
  let page = await open('/runbooks/kilo/newton/?services=nova,bogus');
  assert.match((await page.locator('#filter-note').textContent()) ?? '', /Not a service of this runbook: bogus\. Showing the others\./);
  assert.equal(await step(page, 'offline.backup.cinder').isVisible(), false);
  await page.locator('#filter input[value="nova"]').click();
  assert.equal(await page.locator('#filter input[value="nova"]').isChecked(), true, 'the last service stays');
  assert.match((await page.locator('#filter-note').textContent()) ?? '', /At least one service stays shown/);
  await page.locator('#filter .only[value="cinder"]').click();
  assert.match(page.url(), /\?services=cinder$/);
  assert.ok(await step(page, 'offline.backup.cinder').isVisible());

  page = await open('/runbooks/kilo/newton/');
  await tick(page, 'offline.backup.nova');
  await tick(page, 'offline.backup.cinder');
  await page.locator('#filter .only[value="cinder"]').click();
  assert.match((await page.locator('#count').textContent()) ?? '', /\+\d+ ticked, hidden by the filter/);
  page.once('dialog', (d) => {
    assert.match(d.message(), /ticks of hidden services stay/);
    void d.accept();
  });
  await page.locator('#reset').click();
  await page.goto(`${s.url}/runbooks/kilo/newton/`);
  assert.equal(await box(page, 'offline.backup.cinder').isChecked(), false, 'shown tick cleared');
  assert.equal(await box(page, 'offline.backup.nova').isChecked(), true, 'hidden tick kept');
});

test('copy buttons are named per command and announce the copy', async () => {
  // A step's buttons are made as it nears the screen (runbook/controls.js).
  const page = await open('/runbooks/kilo/newton/#offline.stop.nova');
  await page.locator('[aria-label="Copy command 1 of offline.stop.nova"]').waitFor();
  const names = await page.$$eval('.copy', (bs) => bs.map((b) => b.getAttribute('aria-label')));
  assert.equal(new Set(names).size, names.length, 'every copy button has its own name');
  assert.ok(names.includes('Copy command 1 of offline.stop.nova'));
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url });
  const before = await page.locator('#status').textContent();
  await page.locator('[aria-label="Copy command 1 of offline.stop.nova"]').click();
  // The page announces once the clipboard write has resolved, which can be after the click returns.
  await page.waitForFunction((was) => document.getElementById('status')?.textContent !== was, before, { timeout: 5000 });
  assert.equal(await page.locator('#status').textContent(), 'Copied: command 1 of offline.stop.nova');
  assert.equal(await page.locator('#status').getAttribute('role'), 'status');
});

test('the PDF is a change record: ticks as marks without background graphics, pair, version and page n of m on every page, a sign-off', async () => {
  const page = await open('/runbooks/kilo/newton/');
  await tick(page, 'prepare.update-source');
  const ticked = await page.locator('.steps > li > label > input:checked').count();
  const version = await page.locator('[data-version]').getAttribute('data-version');
  assert.match(version ?? '', /^[0-9a-f]{12}$/);
  const pdf = join(dir, 'ticked.pdf');
  // The browser's own print, unprepared (its menu; Ctrl+P is the page's, fold.test.ts): Chromium's
  // print to PDF (Page.printToPDF) fires beforeprint, where the page reads its folded details in
  // synchronously (runbook/more.js), prints what that left in the page, then fires afterprint.
  // (Measured in headless Chromium 156: window.print() fires beforeprint only, opens no dialog, and
  // the synchronous read fails inside it.)
  await page.evaluate(() => {
    const w = window as unknown as { printed: string[] };
    w.printed = [];
    for (const e of ['beforeprint', 'afterprint']) addEventListener(e, () => w.printed.push(e));
  });
  await page.pdf({ path: pdf, format: 'A4', printBackground: false, preferCSSPageSize: true });
  assert.deepEqual(await page.evaluate(() => (window as unknown as { printed: string[] }).printed), ['beforeprint', 'afterprint']);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  for (let i = 1; i <= pages; i++) {
    const text = execFileSync('pdftotext', ['-f', String(i), '-l', String(i), '-layout', pdf, '-'], { encoding: 'utf8' });
    assert.ok(text.includes(`Kilo → Newton · runbook ${version}`), `page ${i} names the pair and version`);
    assert.ok(text.includes('Change ticket:'), `page ${i} has the ticket field`);
    assert.ok(text.includes(`page ${i} of ${pages}`), `page ${i} numbered`);
  }
  const all = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  assert.equal(all.split('✓').length - 1, ticked, 'a tick mark per ticked step');
  for (const label of ['Sign-off', 'Go / no-go', 'Deviations from this runbook', 'Rollback decided', 'Window start', 'Window end'])
    assert.ok(all.includes(label), label);
  // The folded details came in with beforeprint: hosts, done-when, sources.
  for (const label of ['Run on: ', 'Done when:', 'Sources:']) assert.ok(all.includes(label), label);

  // npm run pdf prints the same way; kilo→newton with every service fits 24 A4 pages.
  const cli = join(dir, 'kilo-newton.pdf');
  await printPdf({ site: out, from: 'kilo', to: 'newton', services: [], out: cli });
  const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [cli], { encoding: 'utf8' }))![1]);
  assert.ok(n <= 24, `kilo→newton prints ${n} pages`);
  assert.match(execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', cli, '-'], { encoding: 'utf8' }), new RegExp(`page ${n} of ${n}`));
});

// A runbook is one record with a part per step: the pair opens the page, a step id or a command word the step.
for (const [query, url] of [
  ['kilo newton', /\/runbooks\/kilo\/newton\/$/],
  ['offline.stop.keystone', /\/runbooks\/[a-z0-9]+\/[a-z0-9]+\/#offline\.stop\.keystone$/],
  ['kilo newton offline.stop.nova', /\/runbooks\/kilo\/newton\/#offline\.stop\.nova$/],
  ['spicehtml5proxy', /\/runbooks\/[a-z0-9]+\/[a-z0-9]+\/#offline\.stop\.nova$/],
  ['kilo newton spicehtml5proxy', /\/runbooks\/kilo\/newton\/#offline\.stop\.nova$/],
] as const) {
  test(`search from the header box finds ${query}`, async () => {
    const page = await open('/series/');
    await page.locator('body').press('/');
    assert.ok(await page.locator('#find').evaluate((el) => el === document.activeElement), '/ focuses the search box');
    await page.locator('#find').fill(query);
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.locator('#find').press('Enter')]);
    // The first result's own link: results load one by one, and a later one can show first.
    const first = page.locator('.pagefind-ui__results > li').first().locator('.pagefind-ui__result-link').first();
    await first.waitFor({ timeout: 15_000 });
    assert.match((await first.getAttribute('href')) ?? '', url);
  });
}

test('on a runbook page, Ctrl+K and a step id jump to the step', async () => {
  const page = await open('/runbooks/kilo/newton/');
  await page.locator('body').press('Control+k');
  await page.locator('#find').fill('offline.stop.keystone');
  await page.locator('#find').press('Enter');
  assert.match(page.url(), /\/runbooks\/kilo\/newton\/#offline\.stop\.keystone$/);
  assert.ok(await inView(page, 'offline.stop.keystone'));
});

test('dark mode follows the system and the toggle, and is kept', async () => {
  const page = await open('/runbooks/kilo/newton/');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await bg(), 'rgb(20, 24, 29)');
  await page.locator('#theme').click();
  assert.equal(await bg(), 'rgb(255, 255, 255)');
  await page.reload();
  assert.equal(await bg(), 'rgb(255, 255, 255)', 'the choice outlives the reload');
  await page.locator('#theme').click();
  assert.equal(await bg(), 'rgb(20, 24, 29)');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await bg(), 'rgb(20, 24, 29)', 'a chosen theme wins over the system');
  await page.locator('#theme').click();
});

test('at 390 px no page scrolls sideways', async () => {
  const page = await open('/');
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    for (const path of ['/', '/runbooks/kilo/newton/', '/runbooks/juno/gazpacho/', '/series/kilo/', '/series/', '/services/nova/', '/search/']) {
      await page.goto(s.url + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${path} is ${width} px wide`);
    }
  } finally {
    await page.setViewportSize({ width: 1200, height: 900 });
  }
});

test('the home picker offers only targets after the source', async () => {
  const page = await open('/');
  await page.selectOption('#from', 'rocky');
  const offered = await page.$$eval('#to option', (os) => os.filter((o) => !(o as HTMLOptionElement).disabled).map((o) => (o as HTMLOptionElement).value));
  assert.ok(!offered.includes('rocky') && !offered.includes('queens') && offered.includes('stein'));
});

test("a step's sources open in place; the source list links back to the citing steps; a repeated note links to the first", async () => {
  const page = await open('/runbooks/kilo/newton/');
  assert.equal(await step(page, 'offline.stop.nova').locator('details.src').count(), 0, 'folded into the complete page');
  await step(page, 'offline.stop.nova').scrollIntoViewIfNeeded();
  await page.locator('[aria-label="Details of offline.stop.nova"]').click();
  const src = step(page, 'offline.stop.nova').locator('details.src');
  assert.equal(await src.locator('a').count(), 0, 'plain numbers until opened');
  await src.locator('summary').click();
  const ref = src.locator('a').first();
  const n = /^\[(\d+)\]$/.exec((await ref.textContent()) ?? '')![1];
  await ref.click();
  assert.match(page.url(), new RegExp(`#r${n}$`));
  const back = page.locator(`li[id="r${n}"] .back a[href="#offline.stop.nova"]`);
  assert.equal(await back.count(), 1);
  await back.click();
  assert.ok(await inView(page, 'offline.stop.nova'));
  await step(page, 'prepare.utility.mitaka').scrollIntoViewIfNeeded();
  await page.locator('[aria-label="Details of prepare.utility.mitaka"]').click();
  assert.equal(await step(page, 'prepare.utility.mitaka').locator('a[href="#prepare.utility.liberty"] code').first().textContent(), 'prepare.utility.liberty');
});

test('controls outside running text are at least 24 px, on a desktop and at 390 px', async () => {
  const page = await open('/runbooks/kilo/newton/');
  try {
    for (const width of [1200, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${s.url}/runbooks/kilo/newton/`);
      const small = await page.$$eval('a,button,input,select,summary', (els) =>
        els
          .filter((e) => {
            const r = e.getBoundingClientRect();
            // Links inside a sentence, a table cell or a list of sources are exempt (WCAG 2.5.8 inline).
            return r.width > 0 && (r.width < 24 || r.height < 24) && !e.closest('p,li:not(.steps>li),td,dd');
          })
          .map((e) => e.outerHTML.slice(0, 80)),
      );
      assert.deepEqual(small, [], `at ${width} px`);
    }
  } finally {
    await page.setViewportSize({ width: 1200, height: 900 });
  }
});
