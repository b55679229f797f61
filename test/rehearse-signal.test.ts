import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { defaultRehearseCache } from '../generator/rehearse/cache-dir.ts';
import { existingScratch, parseServer, startLocalServer } from '../generator/rehearse/database.ts';
import { buildRoots } from '../generator/rehearse/roots.ts';
import { ROOT_PACKAGES } from '../generator/rehearse/services.ts';

const CLI = fileURLToPath(new URL('../generator/rehearse/cli.ts', import.meta.url));
const CACHE = defaultRehearseCache();
const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
const cannot =
  process.getuid?.() !== 0 ? 'needs root for chroot' : !has('mariadbd') ? "needs Debian's MariaDB" : !has('debootstrap') ? 'needs debootstrap' : false;

const ours = () => new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('leapfrog-rehearse-')));
/** Processes whose environment names this server: a worker, or the chroot, sh and sudo it started. */
const holding = (needle: string) =>
  readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p) && p !== String(process.pid))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/environ`, 'latin1').includes(needle);
      } catch {
        return false;
      }
    });
const listening = (port: number) =>
  spawnSync('mysqladmin', ['--no-defaults', '--protocol=tcp', '-h', '127.0.0.1', '-P', String(port), '-u', 'nobody', '--connect-timeout=2', 'ping'])
    .stderr.toString()
    .includes('Access denied');

/** Starts a keystone victoria -> zed rehearsal and signals it once its steps run (the seed is done). */
async function interrupted(args: string[], signal: (pid: number) => void): Promise<{ code: number | null; log: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'leapfrog-signal-test-'));
  const child = spawn(
    process.execPath,
    [
      CLI,
      '--from',
      'victoria',
      '--to',
      'zed',
      '--fewest-stops',
      '--services',
      'keystone',
      '--suites',
      'bullseye,bookworm',
      '--cache',
      CACHE,
      '--out',
      join(dir, 'r.json'),
      ...args,
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  let sent = false;
  child.stderr.on('data', (d) => {
    log += d;
    if (!sent && /ok {3}seed with victoria code/.test(log)) {
      sent = true;
      setTimeout(() => signal(child.pid!), 1500);
    }
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  rmSync(dir, { recursive: true, force: true });
  assert.ok(sent, `the steps never started:\n${log}`);
  return { code, log };
}

describe('rehearse: a signal cleans up what the run made', { skip: cannot ? `cannot run here: ${cannot}` : false, timeout: 1800_000 }, () => {
  it('Ctrl-C (SIGINT to the whole process group): its MariaDB stops, its folders go, exit 130', async () => {
    await buildRoots(CACHE, ['bullseye', 'bookworm'], ROOT_PACKAGES, () => {});
    const before = ours();
    const { code, log } = await interrupted(['--port', '13415'], (pid) => process.kill(-pid, 'SIGINT'));
    assert.equal(code, 130, log);
    assert.match(log, /SIGINT: stopping the steps/);
    const data = /data in (\S+)\)/.exec(log)![1]!;
    assert.equal(existsSync(data), false, `${data} removed`);
    assert.deepEqual(
      [...ours()].filter((n) => !before.has(n)),
      [],
      'no leapfrog-rehearse-* folder left in the temporary folder',
    );
    assert.equal(listening(13415), false, 'its MariaDB stopped');
  });

  it('SIGTERM to the rehearsal alone, on a server it does not own: the scratch databases it created are dropped, no step keeps running', async () => {
    const local = await startLocalServer(13416, () => {});
    try {
      const server = parseServer(local.url);
      const { code, log } = await interrupted(['--db', local.url], (pid) => process.kill(pid, 'SIGTERM'));
      assert.equal(code, 143, log);
      assert.deepEqual(existingScratch(server), [], 'every leapfrog_rehearse_* database dropped');
      assert.deepEqual(holding(`LEAPFROG_REHEARSE_DB=${local.url}`), [], 'no worker, chroot or sudo of the run left');
      assert.ok(!log.includes(server.password));
    } finally {
      local.stop();
    }
  });
});
