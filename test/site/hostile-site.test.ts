/**
 * The built site against hostile notes and requests: a strict CSP that every page passes, no
 * request leaving the origin (a note's remote image included), no Copy button on unvetted note
 * code, and a static server that answers a bad % escape with 400.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../../site/scripts/chromium.ts';
import { syntheticContent } from '../support/synthetic-content.ts';
import { buildSite } from './support/build-site.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';

const SRC = 'https://opendev.org/openstack/example/src/tag/1.0.0/README.rst';
const content = syntheticContent({ series: ['a', 'b', 'c'] });
writeFileSync(
  join(content, 'series', 'b', 'alpha.md'),
  `---
service: alpha
series: b
title: Watch the pixel
sources: [${SRC}]
---

### What we saw

![tracking pixel](https://tracker.example.net/pixel.gif)

\`\`\`sh
alpha-manage db purge --all-rows --yes-really
\`\`\`
`,
);
const out = join(mkdtempSync(join(tmpdir(), 'leapfrog-hostile-site-')), 'site');
let site: StaticSite;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
const outside: string[] = [];
const violations: string[] = [];

before(async () => {
  const r = buildSite(out, content);
  assert.equal(r.code, 0, r.stderr);
  site = await serveStatic(out);
  browser = await launchChromium();
  context = browser.context;
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.origin !== site.url) outside.push(r.url());
  });
  context.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

test('every page carries a strict Content-Security-Policy: scripts and styles from self only', () => {
  const files = htmlFiles(out);
  assert.ok(files.length > 5);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    assert.ok(csp, `${file} has a CSP`);
    assert.match(csp!, /default-src 'self'/);
    assert.match(csp!, /script-src 'self'(?: 'wasm-unsafe-eval')?;/);
    assert.match(csp!, /style-src 'self';/);
    assert.doesNotMatch(csp!, /'unsafe-inline'|'unsafe-eval'/);
  }
});

test("the pages work under their CSP, and a note's remote image is a link, never a request", async () => {
  const page = context.pages()[0] ?? (await context.newPage());
  const csp: string[] = [];
  await page.exposeFunction('reportCsp', (v: string) => csp.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCsp(v: string): void }).reportCsp(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  for (const path of ['/', '/runbooks/a/c/', '/runbooks/a/c/all/', '/series/b/', '/services/alpha/', '/search/']) {
    await page.goto(site.url + path, { waitUntil: 'load' });
    if (path === '/search/') {
      await page.locator('#search input').fill('alpha');
      await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 10_000 });
    }
  }
  await page.goto(`${site.url}/runbooks/a/c/all/`, { waitUntil: 'load' }); // the complete page: notes inline
  const note = page.locator('.note');
  assert.equal(await note.locator('img').count(), 0);
  assert.equal(await note.locator('a[href="https://tracker.example.net/pixel.gif"]').textContent(), 'Image: tracking pixel');
  assert.deepEqual(csp, []);
  assert.deepEqual(violations, []);
  assert.deepEqual(outside, [], 'no request leaves the site');
});

test('code in a community note gets no Copy button; generated commands do', async () => {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${site.url}/runbooks/a/c/all/`, { waitUntil: 'load' }); // the complete page: notes inline
  assert.equal(await page.locator('.note pre').count(), 1);
  // A step's buttons are made as it nears the screen (runbook/controls.js): bring the noted one there.
  await page.locator('.steps > li:has(.note pre)').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('.steps > li:has(.note pre)')?.hasAttribute('data-c'));
  assert.equal(await page.locator('.note .copy').count(), 0);
  // A step with generated commands and no note gets them once it is on screen too.
  const generated = page.locator('.steps > li:not(:has(.note)):has(pre)').first();
  await generated.scrollIntoViewIfNeeded();
  await generated.locator('.copy').first().waitFor({ state: 'attached', timeout: 5000 });
  assert.ok((await page.locator('.steps .copy').count()) > 0);
});

test('the static server answers a bad % escape with 400 and keeps serving', async () => {
  const status = (path: string) =>
    new Promise<number>((ok, fail) => {
      request(`${site.url}${path}`, (res) => {
        res.resume();
        ok(res.statusCode ?? 0);
      })
        .on('error', fail)
        .end();
    });
  assert.equal(await status('/%E0%A4%A'), 400);
  assert.equal(await status('/%'), 400);
  assert.equal(await status('/'), 200);
});
