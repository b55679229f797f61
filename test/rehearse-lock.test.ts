import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { it } from 'node:test';
import { rehearseMain } from '../generator/rehearse/cli.ts';

it('a second rehearsal on the same roots refuses before touching any server (the roots hold one configuration per service)', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'leapfrog-lock-test-'));
  try {
    // A live holder: this test process itself.
    mkdirSync(join(cache, 'rehearsal.lock'));
    writeFileSync(join(cache, 'rehearsal.lock', 'pid'), String(process.pid));
    let text = '';
    const sink = new Writable({
      write: (chunk, _e, done) => {
        text += String(chunk);
        done();
      },
    });
    // Port 1 has no server: reaching for it would fail differently.
    const code = await rehearseMain(['--from', 'victoria', '--to', 'zed', '--db', 'mysql://u:p@127.0.0.1:1', '--cache', cache], sink, sink);
    assert.equal(code, 2, text);
    assert.match(text, new RegExp(`another rehearsal \\(pid ${process.pid}\\) is using the roots`));
    // A holder that is gone is taken over, and the lock is released at the end of the run.
    writeFileSync(join(cache, 'rehearsal.lock', 'pid'), '999999999');
    const next = await rehearseMain(['--from', 'victoria', '--to', 'zed', '--db', 'mysql://u:p@127.0.0.1:1', '--cache', cache], sink, sink);
    assert.equal(next, 1, 'got past the lock to the (absent) server');
    // Past the lock, the first SQL fails: the server is absent, or so is the mysql client (a
    // machine without Debian's MariaDB, where the tests that need it skip).
    assert.match(text, /Can't connect|connect|SQL failed: spawnSync mysql ENOENT/i);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
