import { defaultRehearseCache } from '../generator/rehearse/cache-dir.ts';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { CONTROLS, runControl } from '../generator/rehearse/controls.ts';
import { parseServer, redactor, startLocalServer } from '../generator/rehearse/database.ts';
import { buildRoots } from '../generator/rehearse/roots.ts';
import { ROOT_PACKAGES } from '../generator/rehearse/services.ts';
import { readRecord, shippedBy } from '../generator/rehearse/shipped.ts';

const CACHE = defaultRehearseCache();
const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
// Roots need root (debootstrap, chroot), debootstrap and Debian's MariaDB; .ci/run installs both.
const cannot =
  process.getuid?.() !== 0
    ? 'needs root for debootstrap and chroot'
    : !has('debootstrap')
      ? 'needs debootstrap (apt-get install debootstrap)'
      : !has('mariadbd')
        ? "needs Debian's MariaDB (apt-get install mariadb-server)"
        : false;

it('a min-start that skips a stop upstream needs makes the rehearsal fail (real Victoria and Epoxy code)', {
  skip: cannot ? `roots cannot be built here: ${cannot}` : false,
}, async () => {
  const control = CONTROLS[0]!;
  const log = () => {};
  const roots = await buildRoots(CACHE, ['bullseye', 'trixie'], ROOT_PACKAGES, log);
  assert.equal(roots.length, 2, 'both roots built');
  const shipped = roots.flatMap((r) => shippedBy(r, readRecord(join(fileURLToPath(new URL('../generator/rehearse/', import.meta.url)), 'debian-series.json'))));
  const rootOf = (service: string, series: string) =>
    roots.find((r) => r.suite === shipped.find((s) => s.service === service && s.series === series)?.suite)?.dir;
  const local = await startLocalServer(13377, log);
  try {
    const server = parseServer(local.url);
    const result = runControl(control, server, rootOf, redactor([server.password]), log);
    assert.equal(result.run.rehearsable, true, `missing ${result.run.missing}`);
    assert.deepEqual(result.run.stops, ['epoxy'], 'the wrong min-start let keystone skip zed');
    assert.equal(result.caught, true, 'the rehearsal failed');
    assert.match(result.run.failure ?? '', /^epoxy\.keystone\./, 'at an Epoxy keystone step');
  } finally {
    local.stop();
  }
});
