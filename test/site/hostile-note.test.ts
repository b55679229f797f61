/**
 * A community note written to attack the site, rendered the way the site renders notes, in a real
 * browser: nothing it carries runs (scripts, event attributes, script URLs).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { noteHtml } from '../../generator/index.ts';
import { checkNote } from '../../generator/validate/check-notes.ts';
import { launchChromium } from '../../site/scripts/chromium.ts';
import { serveStatic } from './support/static-server.ts';

const HOSTILE = `---
service: nova
series: ocata
title: Totally helpful
sources: [https://opendev.org/openstack/nova/src/tag/15.0.0/README.rst]
---

### Read me

<script>window.pwned = 'script'</script>

<img src="x" onerror="window.pwned = 'onerror'">

<svg onload="window.pwned = 'svg'"></svg>

<iframe src="javascript:parent.pwned = 'iframe'"></iframe>

[click me](javascript:window.pwned='link') and <a href="javascript:window.pwned='raw-link'">raw</a>

![img](javascript:window.pwned='image')

\`\`\`sh
echo "<script>window.pwned = 'code'</script>"
\`\`\`
`;

test('a hostile note is rejected by validate, and what renders of it runs nothing in a browser', async () => {
  const { note, problems } = checkNote('content/series/ocata/nova.md', HOSTILE);
  assert.ok(problems.length >= 5, 'validate reports the raw HTML and the script links');
  assert.ok(problems.every((p) => p.ruleId === 'note-raw-html' || p.ruleId === 'note-link-https'));
  // Render even the rejected note, as a site built past validation would.
  const body = noteHtml(note!.body);
  const raw = noteHtml(HOSTILE.slice(HOSTILE.indexOf('### Read me')));
  const dir = mkdtempSync(join(tmpdir(), 'leapfrog-hostile-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>note</title><div id="a">${body}</div><div id="b">${raw}</div>`);
  const site = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${site.url}/`);
    for (const link of await page.locator('a').all()) await link.click({ timeout: 2000 }).catch(() => {});
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('script, iframe, svg, [onerror], [onload]').count(), 0);
    assert.match((await page.locator('#b pre code').textContent()) ?? '', /<script>window\.pwned = 'code'<\/script>/, 'code is shown as text');
  } finally {
    await browser.close();
    await site.close();
  }
});
