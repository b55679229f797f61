import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_CONTENT_DIR, loadContent, type Content } from '../index.ts';
import { defaultRehearseCache } from './cache-dir.ts';
import { CHECKOUT, listOption, type Output, type RehearseValues, SHIPPED_RECORD } from './cli-options.ts';
import { imagesTable } from './report.ts';
import { SUITES } from './shipped.ts';
import { checkImages, imageRequests, imagesLine, type ImageRecord } from './utility-images.ts';

/** The runbooks' Containerfiles of Debian's packages, for the --suites and --services asked (all by default). */
export function containerfiles(
  content: Content,
  values: Pick<RehearseValues, 'suites' | 'services' | 'jobs'>,
  cache: string,
  log: (line: string) => void,
): Promise<ImageRecord[]> {
  const requests = imageRequests(content, { suites: listOption(values.suites), services: listOption(values.services) });
  log(`containerfiles: ${requests.length} to build (${requests.map((r) => `${r.service}:${r.series}`).join(', ')})`);
  return checkImages(cache, requests, SHIPPED_RECORD, Number(values.jobs), log);
}

/** Only the Containerfiles: no database, no rehearsal runs; a report of their own. */
export async function containerfilesOnly(values: RehearseValues, out: Output, err: Output): Promise<number> {
  const content = loadContent(values.content ? resolve(values.content) : DEFAULT_CONTENT_DIR);
  const records = await containerfiles(content, values, resolve(values.cache ?? defaultRehearseCache()), (l) => err.write(`${l}\n`));
  if (records.length === 0) {
    err.write(
      `leapfrog rehearse: no runbook Containerfile of Debian's packages matches --suites ${values.suites ?? '(all)'} --services ${values.services ?? '(all)'}; suites: ${SUITES.join(', ')}\n`,
    );
    return 2;
  }
  const path = resolve(values.out ?? join(CHECKOUT, 'dist/rehearse/containerfiles.json'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ date: new Date().toISOString(), containerfiles: records }, null, 2)}\n`);
  out.write(`${imagesTable(records)}\n\nreport: ${path}\n${imagesLine(records)}\n`);
  return records.every((r) => r.passed) ? 0 : 1;
}
