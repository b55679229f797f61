import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { rehearseMain } from '../generator/rehearse/cli.ts';
import { DumpRefused, guardDump, urlPasswords } from '../generator/rehearse/dump-guard.ts';
import { statements } from '../generator/rehearse/dump-sql.ts';
import { DUMP_DATABASES, dumpServices } from '../generator/rehearse/restore.ts';

// The shape MariaDB 10.11's `mysqldump --databases glance` writes (header, one table, its rows, trailer).
const GOOD = `/*M!999999\\- enable the sandbox mode */ 
-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;

--
-- Current Database: \`glance\`
--

/*!40000 DROP DATABASE IF EXISTS \`glance\`*/;
CREATE DATABASE /*!32312 IF NOT EXISTS*/ \`glance\` /*!40100 DEFAULT CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci */;

USE \`glance\`;
DROP TABLE IF EXISTS \`images\`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
CREATE TABLE \`images\` (
  \`id\` varchar(36) NOT NULL,
  \`name\` varchar(255) DEFAULT NULL,
  \`size\` bigint(20) DEFAULT NULL,
  \`deleted\` tinyint(1) NOT NULL,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;
LOCK TABLES \`images\` WRITE;
/*!40000 ALTER TABLE \`images\` DISABLE KEYS */;
INSERT INTO \`images\` VALUES
('1','a;b\\'c -- not a comment',-1.5e-3,0),
('2',NULL,0x00ff,1),('3',_binary 'x',2,0);
/*!40000 ALTER TABLE \`images\` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;
-- Dump completed on 2026-12-02  2:50:28
`;

const refusal = (text: string) => {
  try {
    guardDump('d.sql', text, DUMP_DATABASES);
  } catch (error) {
    assert.ok(error instanceof DumpRefused, String(error));
    return error.reasons.join('\n');
  }
  assert.fail('the dump was accepted');
};

describe('rehearse --dump: what a dump may hold', () => {
  it('accepts mysqldump --databases output and sorts its statements per database, without CREATE DATABASE, USE or locks', () => {
    const plan = guardDump('d.sql', GOOD, DUMP_DATABASES);
    assert.deepEqual([...plan.databases.keys()], ['glance']);
    assert.equal(plan.header.length, 5);
    const glance = plan.databases.get('glance')!;
    assert.ok(glance.some((s) => s.startsWith('CREATE TABLE `images`')));
    assert.ok(
      glance.every((s) => !/^(USE|CREATE DATABASE|LOCK|UNLOCK)|DROP DATABASE/.test(s)),
      glance.join('\n'),
    );
    // The string's ; and -- stay inside the row: one INSERT, byte for byte.
    assert.equal(glance.filter((s) => s.startsWith('INSERT')).length, 1);
    assert.ok(glance.some((s) => s.includes("'a;b\\'c -- not a comment'")));
  });

  const hostile: [string, string, RegExp][] = [
    ['the mysql schema', GOOD.replace('USE `glance`;', 'USE `mysql`;'), /the system schema mysql/],
    ['an unknown database', GOOD.replace(/`glance`/g, '`octavia`'), /database octavia is none of the rehearsed services'/],
    ['a GRANT', `${GOOD}GRANT ALL ON *.* TO 'x'@'%';\n`, /GRANT ALL ON: not a statement mysqldump writes/],
    ['a user', `${GOOD}CREATE USER 'x'@'%' IDENTIFIED BY 'y';\n`, /CREATE USER/],
    ['a plain DROP DATABASE', `${GOOD}DROP DATABASE \`glance\`;\n`, /DROP DATABASE/],
    ['a shell command for the client', `${GOOD}\\! touch /tmp/owned\n`, /backslash outside a string/],
    ['a shell command in an executable comment', `${GOOD}/*!40101 SET NAMES utf8 \\! id */;\n`, /executable comment holding ; or a backslash/],
    ['two statements in an executable comment', `${GOOD}/*!40101 SET NAMES utf8; DROP DATABASE nova */;\n`, /executable comment holding ;/],
    ['a subquery among the values', GOOD.replace("('2',NULL", "('2',(SELECT password FROM mysql.user LIMIT 1)"), /a value that is not a literal: \(/],
    ['a function among the values', GOOD.replace("('2',NULL", "('2',LOAD_FILE('/etc/shadow')"), /not a literal: LOAD_FILE/],
    ['a table of another database', GOOD.replace('INSERT INTO `images`', 'INSERT INTO `mysql`.`user`'), /INSERT into a name qualified by another database/],
    [
      'INSERT ... SELECT',
      `${GOOD.replace('/*!40103 SET TIME_ZONE=@OLD', 'INSERT INTO `images` SELECT * FROM nova.instances;\n/*!40103 SET TIME_ZONE=@OLD')}`,
      /INSERT without VALUES/,
    ],
    ['a remote table', GOOD.replace('ENGINE=InnoDB', "ENGINE=FEDERATED CONNECTION='mysql://u:p@h/db/t'"), /ENGINE FEDERATED/],
    ['a table in another folder', GOOD.replace('PRIMARY KEY (`id`)\n)', "PRIMARY KEY (`id`)\n) DATA DIRECTORY='/var/lib'"), /DIRECTORY/],
    [
      'a foreign key into another database',
      GOOD.replace('PRIMARY KEY (`id`)', 'PRIMARY KEY (`id`), FOREIGN KEY (`id`) REFERENCES `mysql`.`user` (`User`)'),
      /qualified by another database/,
    ],
    ['a global setting', `SET @@GLOBAL.GTID_PURGED='x';\n${GOOD}`, /a global setting/],
    ['a session setting mysqldump never writes', `SET SESSION_TRACK_STATE_CHANGE=1;\n${GOOD}`, /not a session setting mysqldump writes/],
    [
      'a trigger',
      `${GOOD}DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=\`root\`@\`%\`*/ /*!50003 TRIGGER t BEFORE INSERT ON images FOR EACH ROW SET @a=1 */;;\n`,
      /DELIMITER/,
    ],
    [
      'a dump without --databases',
      GOOD.replace(/CREATE DATABASE.*\n/, '')
        .replace('USE `glance`;', '')
        .replace('/*!40000 DROP DATABASE IF EXISTS `glance`*/;', ''),
      /before any CREATE DATABASE or USE \(dump with mysqldump --databases\)/,
    ],
    ['a comment hiding inside a statement', GOOD.replace('INSERT INTO `images` VALUES', 'INSERT INTO `images` /* x */ VALUES'), /a comment inside a statement/],
  ];
  for (const [what, text, reason] of hostile) it(`refuses ${what}`, () => assert.match(refusal(text), reason));

  it('names the line of each problem, all of them at once', () => {
    const reasons = refusal(`${GOOD}GRANT ALL ON *.* TO 'x'@'%';\nUSE \`mysql\`;\n`);
    const first = GOOD.split('\n').length;
    assert.match(reasons, new RegExp(`^line ${first}: GRANT`, 'm'));
    assert.match(reasons, new RegExp(`^line ${first + 1}: the system schema mysql`, 'm'));
  });

  it('a service with only some of its databases, or a --services entry the dump lacks, is an error', () => {
    const nova = GOOD.replace(/`glance`/g, '`nova_api`');
    assert.throws(() => dumpServices(guardDump('d.sql', nova, DUMP_DATABASES)), /nova needs nova, nova_api, nova_cell0; the dump lacks nova, nova_cell0/);
    assert.throws(() => dumpServices(guardDump('d.sql', GOOD, DUMP_DATABASES), ['keystone']), /--services keystone: the dump holds none of its databases/);
    assert.deepEqual(dumpServices(guardDump('d.sql', GOOD, DUMP_DATABASES)), ['glance']);
  });

  it('collects the passwords of URLs in the rows (cell mappings), raw and decoded', () => {
    assert.deepEqual(urlPasswords("('mysql+pymysql://nova:s%40cret@db/nova','rabbit://openstack:rab-pw@mq:5672/')"), ['s%40cret', 's@cret', 'rab-pw']);
  });

  it('cuts statements on ; outside strings, identifiers and comments only', () => {
    const parsed = statements('SELECT \'a;b\', `c;d`; -- x;y\nSELECT "e\\";f";');
    assert.deepEqual(
      parsed.map((s) => s.text),
      ["SELECT 'a;b', `c;d`", 'SELECT "e\\";f"'],
    );
    assert.equal(parsed[1]!.line, 2);
  });
});

describe('rehearse --dump: a refused dump runs nothing', () => {
  it('exits 2 with the reasons before connecting to any server or building any root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leapfrog-dump-test-'));
    try {
      const file = join(dir, 'hostile.sql');
      writeFileSync(file, `${GOOD}USE \`mysql\`;\nUPDATE user SET password = '' WHERE User = 'root';\n`);
      let text = '';
      const sink = new Writable({
        write: (chunk, _e, done) => {
          text += String(chunk);
          done();
        },
      });
      // Port 1 has no server: reaching for it would fail with a connection error, not this refusal.
      const code = await rehearseMain(
        ['--from', 'victoria', '--to', 'zed', '--dump', file, '--db', 'mysql://u:pw-never-shown@127.0.0.1:1', '--cache', join(dir, 'no-cache')],
        sink,
        sink,
      );
      assert.equal(code, 2);
      assert.match(text, /refusing --dump .*hostile\.sql: 2 problems/);
      assert.match(text, /the system schema mysql/);
      assert.match(text, /UPDATE user SET: not a statement mysqldump writes/);
      assert.doesNotMatch(text, /database:|roots:|pw-never-shown/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rehearse --dump: the restored rows must survive', () => {
  it('reports a table that lost live rows, not one a migration dropped or one that grew', async () => {
    const { rowsLost } = await import('../generator/rehearse/restore.ts');
    const before = { nova_api: { flavors: 3, cells: 2, gone: 5, grew: 1 } };
    const after = { nova_api: { flavors: 2, cells: 2, grew: 4 } };
    assert.deepEqual(rowsLost(before, after), ['nova_api.flavors: 3 live rows restored, 2 after']);
  });
});
