import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { it } from 'node:test';
import { defaultRehearseCache } from '../generator/rehearse/cache-dir.ts';
import { rehearseMain } from '../generator/rehearse/cli.ts';
import { dropDatabase, existingScratch, mustSql, parseServer, redactor, serviceUrl, startLocalServer } from '../generator/rehearse/database.ts';
import { run } from '../generator/rehearse/exec.ts';
import type { Report } from '../generator/rehearse/report.ts';
import { buildRoots } from '../generator/rehearse/roots.ts';
import { seed } from '../generator/rehearse/seed.ts';
import { PREFIX, ROOT_PACKAGES, rehearsedService, scratchName } from '../generator/rehearse/services.ts';

const CACHE = defaultRehearseCache();
const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
const cannot =
  process.getuid?.() !== 0 ? 'needs root for chroot' : !has('mariadbd') ? "needs Debian's MariaDB" : !has('debootstrap') ? 'needs debootstrap' : false;
const SERVICES = ['glance', 'nova'];

/**
 * An operator's dump, made for real: Victoria's code seeds the databases, a row only the dump has
 * is added, nova's cell mapping is pointed at a database the rehearsal must never reach, and
 * mysqldump --databases writes them under upstream's names.
 */
it('rehearses victoria -> zed (fewest stops) from a mysqldump of the source: steps pass, restored rows survive, nothing else touched', {
  skip: cannot ? `cannot run here: ${cannot}` : false,
  timeout: 3600_000,
}, async () => {
  const log = () => {};
  const roots = await buildRoots(CACHE, ['bullseye'], ROOT_PACKAGES, log);
  assert.equal(roots.length, 1);
  const dir = mkdtempSync(join(tmpdir(), 'leapfrog-dump-real-'));
  const local = await startLocalServer(13412, log);
  try {
    const server = parseServer(local.url);
    const redact = redactor([server.password]);
    for (const id of SERVICES) assert.equal(seed(server, rehearsedService(id)!, roots[0]!.dir, redact).ok, true, `${id} seeded`);
    mustSql(
      server,
      "INSERT INTO images (id, name, size, status, created_at, deleted, min_disk, min_ram, protected, visibility, os_hidden) VALUES ('dump-only', 'only-in-the-dump', 0, 'active', NOW(), 0, 0, 0, 0, 'public', 0)",
      scratchName('glance', 'run'),
    );
    // The rehearsal must point this at its own scratch database; if it did not, db sync would fail on an unknown database.
    const elsewhere = serviceUrl(server, `${PREFIX}operator_nova`);
    mustSql(server, `UPDATE cell_mappings SET database_connection = '${elsewhere}' WHERE name = 'leapfrog-cell1'`, scratchName('nova_api', 'run'));
    const names = SERVICES.flatMap((id) => rehearsedService(id)!.databases.map((d) => scratchName(d, 'run')));
    const dumped = run('mysqldump', [`--defaults-extra-file=${server.optionsFile}`, '--add-drop-database', '--databases', ...names]);
    assert.equal(dumped.code, 0, dumped.stderr);
    // Upstream's names, as an operator's dump has them (only the database statements carry the names).
    const text = dumped.stdout
      .split('\n')
      .map((l) => (/^(USE|CREATE DATABASE|\/\*!40000 DROP DATABASE|-- Current Database)/.test(l) ? l.replaceAll(`\`${PREFIX}`, '`') : l))
      .join('\n');
    const file = join(dir, 'operator.sql');
    writeFileSync(file, text);
    for (const name of names) dropDatabase(server, name);

    const out = join(dir, 'report.json');
    let printed = '';
    const sink = new Writable({
      write: (chunk, _e, done) => {
        printed += String(chunk);
        done();
      },
    });
    const code = await rehearseMain(
      [
        '--from',
        'victoria',
        '--to',
        'zed',
        '--fewest-stops',
        '--dump',
        file,
        '--db',
        local.url,
        '--suites',
        'bullseye,bookworm',
        '--out',
        out,
        '--cache',
        CACHE,
      ],
      sink,
      sink,
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    assert.equal(code, 0, printed.slice(-3000));
    assert.deepEqual(report.runs.map((r) => r.service).sort(), SERVICES);
    for (const r of report.runs) {
      assert.equal(r.failed, false, `${r.service}: ${r.failure}`);
      assert.ok(r.steps_run > 0);
      assert.equal(r.dump, file);
      assert.equal(r.dump_rows_survived, true, `${r.service}: ${r.rows_lost}`);
    }
    assert.ok(!printed.includes(server.password), 'no password printed');
    assert.deepEqual(existingScratch(server), [], 'every scratch database dropped');
  } finally {
    local.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
