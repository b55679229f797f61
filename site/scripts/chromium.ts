/** Debian's Chromium through playwright-core: headless, offline, with its own profile folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.LEAPFROG_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser on a profile folder (fresh unless given: pass the same one again to "restart" the browser). */
export async function launchChromium(
  profile = mkdtempSync(join(tmpdir(), 'leapfrog-chromium-')),
): Promise<{ context: BrowserContext; profile: string; close(removeProfile?: boolean): Promise<void> }> {
  // playwright passes the profile as --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1200, height: 900 },
  });
  return {
    context,
    profile,
    close: async (removeProfile = true) => {
      await context.close();
      if (removeProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
