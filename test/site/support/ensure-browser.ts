/**
 * `npm test` runs real browser tests: make sure Debian's Chromium and pdftotext are there, and
 * install them when they are not and we may (root). A browser download is not possible here, so
 * the system package is the browser.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.LEAPFROG_CHROMIUM ?? '/usr/bin/chromium';
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

if (existsSync(CHROMIUM) && has('pdftotext')) process.exit(0);
if (process.getuid?.() !== 0) {
  process.stderr.write(
    `Browser tests need ${CHROMIUM} and pdftotext: install the Debian packages chromium and poppler-utils (as root: apt-get install chromium poppler-utils).\n`,
  );
  process.exit(1);
}
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'poppler-utils'], { stdio: 'inherit', env });
