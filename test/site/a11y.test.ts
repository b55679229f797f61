/**
 * axe-core (injected through playwright-core, which is not bound by the page's CSP) on a runbook
 * page (a step's details open) and its complete page, the home page and a series page, in the light
 * and the dark scheme: no serious or critical violations.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { SiteSession } from './support/site-session.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const out = join(mkdtempSync(join(tmpdir(), 'leapfrog-a11y-')), 'site');
const s = SiteSession.forThisFile(out, { errors: true });

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

type Axe = { axe: { run(o: object): Promise<{ violations: unknown[] }> } };
async function violations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  return (await page.evaluate(() => (window as unknown as Axe).axe.run({ resultTypes: ['violations'] }).then((r) => r.violations))) as Violation[];
}
const describe = (v: Violation) =>
  `${v.id} (${v.impact}): ${v.help}: ${v.nodes
    .slice(0, 3)
    .map((n) => n.target.join(' '))
    .join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`;

for (const scheme of ['light', 'dark'] as const) {
  for (const path of ['/runbooks/kilo/newton/', '/runbooks/kilo/newton/all/', '/', '/series/kilo/']) {
    test(`axe: ${path} in the ${scheme} scheme has no serious or critical violation`, async (t) => {
      const page = await s.open('/');
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(s.url + path);
      // A runbook page with a step's details open, as an operator has it.
      if (path === '/runbooks/kilo/newton/') {
        await page.locator('li[id="offline.stop.nova"]').scrollIntoViewIfNeeded();
        await page.locator('[aria-label="Details of offline.stop.nova"]').click();
        await page.locator('li[id="offline.stop.nova"] .more').waitFor();
      }
      const found = await violations(page);
      for (const v of found) t.diagnostic(describe(v));
      assert.deepEqual(found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(describe), []);
    });
  }
}

test("axe reports a violation put on a page (it runs under the page's CSP)", async () => {
  const page = await s.open('/');
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'data:,' })));
  assert.ok((await violations(page)).some((v) => v.id === 'image-alt'));
});
