/**
 * `npm run pdf -- --from kilo --to newton [--services nova,cinder] --out kilo-newton.pdf [--site dist/site]`
 * Prints a pair's runbook page from the built site (npm run build) to PDF with Chromium's print to PDF:
 * the change-review checklist of the page's print stylesheet. The page is served on 127.0.0.1 only.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError, loadContent, plan, PlanError, UsageError } from '../../generator/index.ts';
import { CHROMIUM, launchChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';

const USAGE = 'usage: npm run pdf -- --from SERIES --to SERIES [--services a,b] --out FILE.pdf [--site dist/site] [--content content]';

export async function printPdf(options: { site: string; from: string; to: string; services: string[]; out: string }): Promise<void> {
  const server = await serveStatic(options.site);
  const browser = await launchChromium();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const query = options.services.length ? `?services=${options.services.join(',')}` : '';
    const response = await page.goto(`${server.url}/runbooks/${options.from}/${options.to}/${query}`, { waitUntil: 'load' });
    if (!response?.ok()) throw new UsageError(`no page for ${options.from} -> ${options.to} in ${options.site} (HTTP ${response?.status()})`);
    // The runbook page folds each step's details: read them all in from the pair's complete page first.
    await page.evaluate(() => (window as { leapfrogComplete?: () => Promise<void> }).leapfrogComplete?.());
    await page.emulateMedia({ media: 'print' });
    // The page's print stylesheet draws the header and footer (pair, version, ticket, page n of m), as
    // for the Print button; background graphics off, as in Chrome's print dialog by default.
    await page.pdf({ path: options.out, format: 'A4', printBackground: false, preferCSSPageSize: true });
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(argv: string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        services: { type: 'string' },
        out: { type: 'string' },
        site: { type: 'string' },
        content: { type: 'string' },
      },
      strict: true,
    });
    if (!values.from || !values.to || !values.out) throw new UsageError(USAGE);
    const site = resolve(values.site ?? 'dist/site');
    if (!existsSync(resolve(site, 'index.html'))) throw new UsageError(`no built site in ${site}: run \`npm run build\` first`);
    if (!existsSync(CHROMIUM)) throw new UsageError(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set LEAPFROG_CHROMIUM)`);
    const content = loadContent(resolve(values.content ?? 'content'));
    const services = (values.services ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const p = plan(content, { from: values.from, to: values.to, services }); // resolves names and versions, checks services
    const out = resolve(values.out);
    await printPdf({ site, from: p.from.id, to: p.to.id, services: services.length ? p.services.map((s) => s.id) : [], out });
    process.stdout.write(`Wrote ${out}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ContentError) {
      process.stderr.write(`${error.report}\n`);
      return 1;
    }
    const usage = error instanceof UsageError || error instanceof PlanError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message = error instanceof PlanError ? error.describe((field) => `--${field}`) : (error as Error).message;
    process.stderr.write(`leapfrog pdf: ${message}\n`);
    return usage ? 2 : 1;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
