import { launchChromium } from './site/scripts/chromium.ts';
import { serveStatic } from './site/scripts/static-server.ts';
const site = await serveStatic(process.argv[2]!);
const b = await launchChromium();
const page = await b.context.newPage();
page.on('pageerror', (e) => console.log('ERR', e.message));
for (const q of process.argv.slice(3)) {
  await page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
  await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(500);
  const links = await page.$$eval('.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link', (as) => as.slice(0, 5).map((a) => a.getAttribute('href') + '  | ' + a.textContent));
  console.log(q, links);
}
await b.close(); await site.close();
