import { randomBytes } from 'node:crypto';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type Result } from './exec.ts';
import { PREFIX } from './services.ts';
import { journalCreated } from './supervise.ts';
import { privateDir } from './tmp.ts';

/** Where the rehearsal's databases are: parsed from --db mysql://user:password@host:port. */
export interface Server {
  host: string;
  port: number;
  user: string;
  password: string;
  /** A client options file holding the password, so it is never on a command line (ps) or printed. */
  optionsFile: string;
}

export function parseServer(url: string): Server {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('--db: expected mysql://USER:PASSWORD@HOST:PORT');
  }
  if (!/^mysql(\+pymysql)?:$/.test(parsed.protocol) || !parsed.hostname || !parsed.username) throw new Error('--db: expected mysql://USER:PASSWORD@HOST:PORT');
  const dir = privateDir('leapfrog-rehearse-client-');
  const server: Server = {
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    optionsFile: join(dir, 'client.cnf'),
  };
  writeFileSync(server.optionsFile, `[client]\nhost=${server.host}\nport=${server.port}\nuser=${server.user}\npassword=${server.password}\nprotocol=tcp\n`, {
    mode: 0o600,
  });
  return server;
}

/** The URL a service's configuration gets for one scratch database (PyMySQL, utf8 as upstream's guides say). */
export function serviceUrl(server: Server, database: string): string {
  const auth = `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}`;
  return `mysql+pymysql://${auth}@${server.host}:${server.port}/${database}?charset=utf8`;
}

/**
 * Runs SQL with the mysql client; -N -B: bare tab-separated values. The SQL goes in on standard
 * input, never the command line: a statement may carry a URL with the password (nova's cell mappings).
 */
export function sql(server: Server, statement: string, database?: string): Result {
  return run('mysql', [`--defaults-extra-file=${server.optionsFile}`, '-N', '-B', ...(database ? [database] : [])], { input: statement });
}

export function mustSql(server: Server, statement: string, database?: string): string {
  const result = sql(server, statement, database);
  if (result.code !== 0) throw new Error(`SQL failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/** Names under our prefix that exist on the server (LIKE with `_` escaped, so only the literal prefix). */
export function existingScratch(server: Server): string[] {
  const like = PREFIX.replace(/_/g, '\\\\_');
  return mustSql(server, `SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '${like}%'`).split('\n').filter(Boolean);
}

function assertScratch(name: string): void {
  if (!name.startsWith(PREFIX) || !/^[a-z0-9_]+$/.test(name)) throw new Error(`refusing to touch database "${name}": not under ${PREFIX}`);
}

export function createDatabase(server: Server, name: string): void {
  assertScratch(name);
  journalCreated(name);
  mustSql(server, `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb3`);
}

/** Drops one of our own databases; anything else is refused before SQL is sent. */
export function dropDatabase(server: Server, name: string): void {
  assertScratch(name);
  mustSql(server, `DROP DATABASE IF EXISTS \`${name}\``);
}

export interface LocalServer {
  url: string;
  stop(): void;
}

/**
 * Debian's MariaDB started for the rehearsal alone: its own data folder, loopback TCP only, a user
 * with a random password whose grants cover the scratch prefix only. Durability settings are off:
 * the data is thrown away.
 */
export async function startLocalServer(port: number, log: (line: string) => void, own?: (stop: () => void) => void): Promise<LocalServer> {
  const dir = mkdtempSync(join(tmpdir(), 'leapfrog-rehearse-db-'));
  let daemon: ReturnType<typeof import('node:child_process').spawn> | undefined;
  let stopped = false;
  // Idempotent, and handed to the caller before the first wait, so a signal at any point stops what exists.
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (daemon?.pid !== undefined && daemon.exitCode === null) {
      daemon.kill('SIGTERM');
      // Until the process is gone (or a zombie): files it writes while shutting down would outlive rm.
      for (let i = 0; i < 120 && alive(daemon.pid); i++) run('sleep', ['0.25']);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  own?.(stop);
  try {
    const data = join(dir, 'data');
    mkdirSync(data);
    const mysqlUser = run('id', ['-u', 'mysql']);
    if (mysqlUser.code === 0) chownSync(dir, Number(mysqlUser.stdout.trim()), Number(run('id', ['-g', 'mysql']).stdout.trim()));
    if (mysqlUser.code === 0) chownSync(data, Number(mysqlUser.stdout.trim()), Number(run('id', ['-g', 'mysql']).stdout.trim()));
    const init = run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${data}`,
      '--user=mysql',
      '--auth-root-authentication-method=socket',
      '--skip-test-db',
    ]);
    if (init.code !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr.trim().split('\n').slice(-3).join(' ')}`);
    const socket = join(dir, 'mysqld.sock');
    const { spawn } = await import('node:child_process');
    // Its own process group: Ctrl-C reaches the rehearsal, which drops its databases before stopping this.
    daemon = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${data}`,
        `--socket=${socket}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        '--user=mysql',
        '--skip-log-bin',
        '--innodb-flush-log-at-trx-commit=0',
        '--innodb-doublewrite=0',
        '--innodb-buffer-pool-size=512M',
        `--pid-file=${join(dir, 'mysqld.pid')}`,
        `--log-error=${join(dir, 'error.log')}`,
      ],
      { stdio: 'ignore', detached: true },
    );
    const root = ['--no-defaults', '-u', 'root', `--socket=${socket}`];
    for (let i = 0; ; i++) {
      if (run('mysqladmin', [...root, 'ping']).code === 0) break;
      if (i > 120 || daemon.exitCode !== null) throw new Error(`MariaDB did not start: ${run('tail', ['-3', join(dir, 'error.log')]).stdout.trim()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const password = randomBytes(18).toString('hex');
    // On standard input: the password never shows in the process list.
    const grant = run('mysql', root, {
      input: `CREATE USER 'leapfrog'@'127.0.0.1' IDENTIFIED BY '${password}'; GRANT ALL PRIVILEGES ON \`${PREFIX.replace(/_/g, '\\_')}%\`.* TO 'leapfrog'@'127.0.0.1';`,
    });
    if (grant.code !== 0) throw new Error(`creating the rehearsal user failed: ${grant.stderr.trim()}`);
    log(`database: MariaDB ${run('mariadbd', ['--version']).stdout.trim().split(/\s+/)[2] ?? ''} on 127.0.0.1:${port} (data in ${data})`);
    return { url: `mysql://leapfrog:${password}@127.0.0.1:${port}`, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** Whether a process still runs (a zombie, exited but not yet reaped, does not). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Every secret the output could carry, replaced before anything is printed or written. */
export function redactor(secrets: string[]): (text: string) => string {
  const list = secrets.filter((s) => s.length >= 4).flatMap((s) => [s, encodeURIComponent(s)]);
  return (text) => list.reduce((t, s) => t.split(s).join('****'), text);
}
