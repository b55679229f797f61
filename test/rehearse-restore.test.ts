import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { dropDatabase, existingScratch, mustSql, parseServer, redactor, serviceUrl, startLocalServer } from '../generator/rehearse/database.ts';
import { guardDump } from '../generator/rehearse/dump-guard.ts';
import { DUMP_DATABASES, liveRows, restore } from '../generator/rehearse/restore.ts';
import { rehearsedService, scratchName } from '../generator/rehearse/services.ts';

const cannot =
  process.getuid?.() !== 0
    ? 'needs root (mariadb-install-db --user=mysql)'
    : spawnSync('sh', ['-c', 'command -v mariadbd']).status !== 0
      ? "needs Debian's MariaDB"
      : false;

/** nova's three databases as mysqldump --databases writes them, with the operator's URLs in the cell mappings. */
const dump = (cells: string[]) => `/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
CREATE DATABASE /*!32312 IF NOT EXISTS*/ \`nova_api\` /*!40100 DEFAULT CHARACTER SET utf8mb3 */;
USE \`nova_api\`;
CREATE TABLE \`cell_mappings\` (
  \`id\` int(11) NOT NULL AUTO_INCREMENT,
  \`uuid\` varchar(36) NOT NULL,
  \`name\` varchar(255) DEFAULT NULL,
  \`transport_url\` text NOT NULL,
  \`database_connection\` text NOT NULL,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3;
INSERT INTO \`cell_mappings\` VALUES ${cells.join(',')};
CREATE DATABASE \`nova\`;
USE \`nova\`;
CREATE TABLE \`instances\` (\`id\` int(11) NOT NULL, \`deleted\` int(11) DEFAULT 0, \`data\` blob, PRIMARY KEY (\`id\`)) ENGINE=InnoDB;
INSERT INTO \`instances\` VALUES (1,0,'\\0\xff\xfe'),(2,2,NULL),(3,0,'caf\xc3\xa9');
CREATE DATABASE \`nova_cell0\`;
USE \`nova_cell0\`;
CREATE TABLE \`instances\` (\`id\` int(11) NOT NULL, \`deleted\` int(11) DEFAULT 0, PRIMARY KEY (\`id\`)) ENGINE=InnoDB;
`;
const cell0 = "(1,'00000000-0000-0000-0000-000000000000','cell0','none:///','mysql+pymysql://nova:op-secret@db.example/nova_cell0')";
const cell1 = (n: number) =>
  `(${n + 1},'1eaf1e4f-0000-4000-8000-00000000000${n}','cell${n}','rabbit://nova:mq-secret@mq.example:5672/','mysql+pymysql://nova:op-secret@db.example/nova')`;

it("restores a dump into the scratch databases byte for byte and points nova's cells at them", { skip: cannot || false, timeout: 300_000 }, async () => {
  const local = await startLocalServer(13418, () => {});
  const root = mkdtempSync(join(tmpdir(), 'leapfrog-restore-root-'));
  mkdirSync(join(root, 'etc')); // configure writes the service's files and /etc/hosts there, as in a root
  try {
    const server = parseServer(local.url);
    const nova = rehearsedService('nova')!;
    const plan = guardDump('nova.sql', dump([cell0, cell1(1)]), DUMP_DATABASES);
    assert.deepEqual(plan.secrets, ['op-secret', 'mq-secret']);
    const restored = restore(server, nova, plan, root, redactor([server.password]));
    assert.equal(restored.ok, true, restored.failure);
    const cells = mustSql(server, 'SELECT name, database_connection, transport_url FROM cell_mappings ORDER BY id', scratchName('nova_api', 'run'));
    assert.equal(
      cells,
      `cell0\t${serviceUrl(server, scratchName('nova_cell0', 'run'))}\trabbit://leapfrog:unused@127.0.0.1:5672/\ncell1\t${serviceUrl(server, scratchName('nova', 'run'))}\trabbit://leapfrog:unused@127.0.0.1:5672/\n`,
    );
    assert.equal(mustSql(server, 'SELECT HEX(data) FROM instances ORDER BY id', scratchName('nova', 'run')), '00FFFE\nNULL\n636166C3A9\n', 'bytes as dumped');
    assert.deepEqual(
      restored.before,
      { nova: { instances: 2 }, nova_api: { cell_mappings: 2 }, nova_cell0: { instances: 0 } },
      'live rows: the soft-deleted one is not counted',
    );
    assert.deepEqual(liveRows(server, scratchName('nova', 'run')), { instances: 2 });
    for (const name of existingScratch(server)) dropDatabase(server, name);

    const two = restore(server, nova, guardDump('nova.sql', dump([cell0, cell1(1), cell1(2)]), DUMP_DATABASES), root, (t) => t);
    assert.equal(two.ok, false);
    assert.match(two.failure!, /more than one cell besides cell0/);
  } finally {
    local.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
