/**
 * A browser test file's session: the site built into a folder, served on 127.0.0.1, and Debian's
 * Chromium on it. Records every request that leaves 127.0.0.1 and every script error; `restart`
 * starts a new browser process on the same profile (what a closed and reopened browser keeps).
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../site/scripts/chromium.ts';
import { buildSite } from './build-site.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

type Browser = Awaited<ReturnType<typeof launchChromium>>;

export class SiteSession {
  readonly outside: string[] = [];
  readonly errors: string[] = [];
  private server?: StaticSite;
  private browser?: Browser;

  /** Builds and serves `out` before this file's tests; after them closes all, and checks that
   * nothing left 127.0.0.1 (and, with `errors`, that no page script threw). */
  static forThisFile(out: string, checks: { errors?: boolean } = {}): SiteSession {
    const s = new SiteSession();
    before(async () => {
      const r = buildSite(out);
      assert.equal(r.code, 0, r.stderr);
      s.server = await serveStatic(out);
      s.browser = await launchChromium();
      s.watch();
    });
    after(async () => {
      await s.browser?.close();
      await s.server?.close();
      assert.deepEqual(s.outside, [], 'no request leaves 127.0.0.1');
      if (checks.errors) assert.deepEqual(s.errors, [], 'no script errors');
    });
    return s;
  }

  get site(): StaticSite {
    return this.server!;
  }
  get url(): string {
    return this.site.url;
  }
  get context(): BrowserContext {
    return this.browser!.context;
  }

  async open(path: string): Promise<Page> {
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    await page.goto(this.url + path);
    return page;
  }

  async restart(): Promise<void> {
    await this.browser!.close(false);
    this.browser = await launchChromium(this.browser!.profile);
    this.watch();
  }

  private watch(): void {
    this.context.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.origin !== this.url) this.outside.push(r.url());
    });
    this.context.on('weberror', (e) => this.errors.push(e.error().message));
  }
}
