import { launchChromium } from './site/scripts/chromium.ts';
import { serveStatic } from './site/scripts/static-server.ts';
import { printPdf } from './site/scripts/pdf.ts';
const out = process.argv[2]!;
const site = await serveStatic(out);
const b = await launchChromium();
const page = await b.context.newPage();
const errors: string[] = [];
page.on('pageerror', (e) => errors.push(e.message));
for (const scheme of ['light', 'dark'] as const) {
  for (const [w, h] of [[1280, 900], [390, 844]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${site.url}/runbooks/kilo/newton/#offline.stop.nova`);
    await page.waitForTimeout(600);
    await page.screenshot({ path: `/tmp/s20site/shot-${w}-${scheme}.png` });
  }
}
await page.setViewportSize({ width: 1280, height: 900 });
await page.emulateMedia({ colorScheme: 'light' });
await page.goto(`${site.url}/search/?q=${encodeURIComponent('kilo newton offline.stop.nova')}`);
await page.locator('.pagefind-ui__results > li').first().locator('.pagefind-ui__result-link').first().waitFor();
await page.waitForTimeout(800);
await page.screenshot({ path: '/tmp/s20site/shot-search.png' });
console.log('errors', errors);
await b.close(); await site.close();
await printPdf({ site: out, from: 'kilo', to: 'newton', services: [], out: '/tmp/s20site/kilo-newton.pdf' });
