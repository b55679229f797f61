/**
 * axe-core (injected through playwright-core, which is not bound by the page's CSP) on a runbook
 * page, the home page and a series page, in the light and the dark scheme: no serious or critical
 * violations.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SiteSession } from './support/site-session.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const out = join(mkdtempSync(join(tmpdir(), 'leapfrog-a11y-')), 'site');
const s = SiteSession.forThisFile(out, { errors: true });

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

for (const scheme of ['light', 'dark'] as const) {
  for (const path of ['/runbooks/kilo/newton/', '/', '/series/kilo/']) {
    test(`axe: ${path} in the ${scheme} scheme has no serious or critical violation`, async () => {
      const page = await s.open('/');
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(s.url + path);
      // A runbook page with a step's details open, as an operator has it.
      if (path.startsWith('/runbooks/')) {
        await page.locator('[aria-label="Details of offline.stop.nova"]').click();
        await page.locator('li[id="offline.stop.nova"] .more').waitFor();
      }
      await page.evaluate(AXE);
      const found = (await page.evaluate(() => (window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe.run({ resultTypes: ['violations'] }).then((r) => r.violations))) as Violation[];
      const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`);
      assert.deepEqual(bad, []);
    });
  }
}
