import type { Locator, Page } from 'playwright-core';

export const step = (page: Page, id: string): Locator => page.locator(`li[id="${id}"]`);
export const box = (page: Page, id: string): Locator => step(page, id).locator('label > input');

/** Two animation frames: the intersection observer's callbacks queued by the last layout have run. */
export const settle = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/**
 * Ticks a step's box the way a reader does: once the page around it has settled. A step's controls
 * (its id link, Details, Copy) are made when it comes near the screen (site/public/runbook/controls.js),
 * and making them moves the steps near it; a click sent in between lands on whatever moved under the
 * pointer. On a loaded machine that failed a test with "Clicking the checkbox did not change its state".
 */
export async function tick(page: Page, id: string): Promise<void> {
  await step(page, id).scrollIntoViewIfNeeded();
  await page.locator(`li[id="${id}"][data-c]`).waitFor();
  await settle(page);
  await box(page, id).check();
}
