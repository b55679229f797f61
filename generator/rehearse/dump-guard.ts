import { readFileSync } from 'node:fs';
import { type DumpSyntaxError, statements, type Statement, type Token } from './dump-sql.ts';

/**
 * What `--dump FILE` accepts: the output of `mysqldump --databases <db>...` (MariaDB's or MySQL's),
 * naming only upstream's default database names of the rehearsed services. Every statement is
 * checked against the few forms mysqldump writes for tables and rows; anything else (another
 * database, the mysql schema, users, GRANTs, views, triggers, routines, a global setting, a
 * function call or subquery among the row values, a mysql client command) refuses the whole dump
 * before anything runs. The accepted statements are restored, per database, into the rehearsal's
 * own scratch database, without the dump's CREATE DATABASE and USE.
 */
export interface DumpPlan {
  file: string;
  /** Session settings written before the first database (character set, time zone, checks off). */
  header: string[];
  /** The statements of each upstream database name, in dump order. */
  databases: Map<string, string[]>;
  /** Passwords of the URLs the rows hold (nova's cell mappings: database and message queue), kept out of every output. */
  secrets: string[];
}

export class DumpRefused extends Error {
  reasons: string[];
  constructor(file: string, reasons: string[]) {
    super(`refusing --dump ${file}: ${reasons.length} problem${reasons.length === 1 ? '' : 's'}\n${reasons.map((r) => `  ${r}`).join('\n')}`);
    this.reasons = reasons;
  }
}

const SYSTEM = ['mysql', 'information_schema', 'performance_schema', 'sys'];
/** Session variables mysqldump sets and restores around a dump. */
const SESSION = new Set([
  'CHARACTER_SET_CLIENT',
  'CHARACTER_SET_RESULTS',
  'COLLATION_CONNECTION',
  'TIME_ZONE',
  'UNIQUE_CHECKS',
  'FOREIGN_KEY_CHECKS',
  'SQL_MODE',
  'SQL_NOTES',
  'NOTE_VERBOSITY',
  'SQL_QUOTE_SHOW_CREATE',
  'CHECK_CONSTRAINT_CHECKS',
  'SQL_LOG_BIN',
]);
const ENGINES = new Set(['INNODB', 'MYISAM', 'ARIA', 'MEMORY']);
/** Introducers a literal may carry: _binary 'x', X'ff', B'01', N'x', _utf8mb4 'x'. */
const INTRODUCERS = /^(_[a-z0-9]+|x|b|n)$/i;

const up = (t: Token | undefined) => (t && t.kind === 'word' ? t.text.toUpperCase() : '');
const isWord = (t: Token | undefined, ...words: string[]) => words.includes(up(t));

/** Why a SET statement is not one of mysqldump's session settings, or undefined when it is. */
function badSet(tokens: Token[]): string | undefined {
  const parts: Token[][] = [[]];
  for (const t of tokens.slice(1)) {
    if (t.kind === 'punct' && t.text === ',') parts.push([]);
    else parts.at(-1)!.push(t);
  }
  for (const part of parts) {
    const [target, eq, ...value] = part;
    if (isWord(target, 'NAMES')) {
      if (part.slice(1).every((t) => t.kind === 'word' || t.kind === 'string')) continue;
      return 'SET NAMES with an expression';
    }
    if (!target || !eq || eq.text !== '=' || value.length !== 1) return `SET ${target?.text ?? ''}: only NAME = value`;
    const name = target.kind === 'var' ? target.text : target.kind === 'word' ? target.text : '';
    if (/^@@global\./i.test(name)) return `SET ${name}: a global setting (dump with --set-gtid-purged=OFF)`;
    const session = name.replace(/^@@(session\.)?/i, '').toUpperCase();
    if (!name.startsWith('@') || name.startsWith('@@')) {
      if (!SESSION.has(session)) return `SET ${name}: not a session setting mysqldump writes`;
    }
    const v = value[0]!;
    if (!['string', 'number', 'var', 'word'].includes(v.kind) || (v.kind === 'var' && /^@@global\./i.test(v.text))) return `SET ${name}: value ${v.text}`;
  }
  return undefined;
}

/** Why the values after INSERT ... VALUES are not plain literals, or undefined. */
function badValues(tokens: Token[]): string | undefined {
  let state: 'open' | 'value' | 'after' | 'between' = 'open';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const p = t.kind === 'punct' ? t.text : '';
    if (state === 'open') {
      if (p !== '(') return `expected ( at ${t.text}`;
      state = 'value';
    } else if (state === 'value') {
      if ((p === '-' || p === '+') && tokens[i + 1]?.kind === 'number') i++;
      else if (t.kind === 'word' && INTRODUCERS.test(t.text) && tokens[i + 1]?.kind === 'string') i++;
      else if (!(t.kind === 'number' || t.kind === 'string' || isWord(t, 'NULL'))) return `a value that is not a literal: ${t.text}`;
      state = 'after';
    } else if (state === 'after') {
      if (p === ',') state = 'value';
      else if (p === ')') state = 'between';
      else return `expected , or ) at ${t.text}`;
    } else {
      if (p !== ',') return `expected , between rows at ${t.text}`;
      state = 'open';
    }
  }
  return state === 'between' ? undefined : 'rows cut short';
}

/** Why a CREATE TABLE reaches outside its own table, or undefined. */
function badCreateTable(tokens: Token[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'cond') return 'an executable comment inside CREATE TABLE';
    if (t.kind === 'punct' && t.text === '.') return 'a name qualified by another database';
    if (isWord(t, 'SELECT', 'LIKE', 'DIRECTORY', 'CONNECTION', 'UNION')) return `CREATE TABLE ... ${t.text}`;
    if (isWord(t, 'ENGINE')) {
      const engine = tokens[i + 1]?.text === '=' ? tokens[i + 2] : tokens[i + 1];
      if (!ENGINES.has(up(engine))) return `ENGINE ${engine?.text ?? ''}`;
    }
  }
  return undefined;
}

const identList = (tokens: Token[]) => tokens.every((t, i) => (i % 2 === 0 ? t.kind === 'ident' : t.kind === 'punct' && t.text === ','));

type Verdict = { keep: boolean; database?: string; problem?: string };

/** What one statement is: kept for the current database, a switch of database, dropped, or refused. */
function judge(s: Statement): Verdict {
  const t = s.tokens;
  const head = `${up(t[0])} ${up(t[1])}`.trim();
  if (t.length === 1 && t[0]!.kind === 'cond') {
    const inner = (t[0] as { inner: string }).inner;
    if (/[;\\]/.test(inner)) return { keep: false, problem: 'an executable comment holding ; or a backslash' };
    let parsed: Statement[];
    try {
      parsed = statements(inner);
    } catch (error) {
      return { keep: false, problem: `executable comment: ${(error as Error).message}` };
    }
    const [only] = parsed;
    if (parsed.length !== 1 || only!.tokens.some((x) => x.kind === 'cond')) return { keep: false, problem: 'an executable comment that is not one statement' };
    if (isWord(only!.tokens[0], 'DROP') && isWord(only!.tokens[1], 'DATABASE')) {
      const name = only!.tokens.at(-1);
      return name?.kind === 'ident' ? { keep: false, database: name.text } : { keep: false, problem: 'DROP DATABASE without a name' };
    }
    const verdict = judge(only!);
    return verdict.database ? { keep: false, problem: 'an executable comment switching database' } : verdict;
  }
  if (up(t[0]) === 'SET') {
    const problem = badSet(t);
    return problem ? { keep: false, problem } : { keep: true };
  }
  if (head === 'CREATE DATABASE') {
    const name = t.find((x) => x.kind === 'ident');
    return name ? { keep: false, database: name.text } : { keep: false, problem: 'CREATE DATABASE without a `name`' };
  }
  if (up(t[0]) === 'USE')
    return t.length === 2 && t[1]!.kind === 'ident' ? { keep: false, database: t[1]!.text } : { keep: false, problem: 'USE without one `name`' };
  if (head === 'LOCK TABLES' || head === 'UNLOCK TABLES') return { keep: false };
  if (head === 'DROP TABLE') {
    const names = isWord(t[2], 'IF') && isWord(t[3], 'EXISTS') ? t.slice(4) : t.slice(2);
    return identList(names) ? { keep: true } : { keep: false, problem: 'DROP TABLE of something other than tables of this database' };
  }
  if (head === 'CREATE TABLE') {
    const problem = badCreateTable(t);
    return problem ? { keep: false, problem } : { keep: true };
  }
  if (head === 'ALTER TABLE') {
    const keys = t.length === 5 && t[2]!.kind === 'ident' && isWord(t[3], 'DISABLE', 'ENABLE') && isWord(t[4], 'KEYS');
    return keys ? { keep: true } : { keep: false, problem: 'ALTER TABLE other than DISABLE/ENABLE KEYS' };
  }
  if (head === 'INSERT INTO' || (head === 'INSERT IGNORE' && isWord(t[2], 'INTO'))) {
    let i = head === 'INSERT INTO' ? 2 : 3;
    if (t[i]?.kind !== 'ident') return { keep: false, problem: 'INSERT into a name that is not one `table`' };
    i++;
    if (t[i]?.text === '.') return { keep: false, problem: 'INSERT into a name qualified by another database' };
    if (t[i]?.text === '(') {
      const close = t.findIndex((x, j) => j > i && x.text === ')');
      if (close === -1 || !identList(t.slice(i + 1, close))) return { keep: false, problem: 'INSERT column list' };
      i = close + 1;
    }
    if (!isWord(t[i], 'VALUES')) return { keep: false, problem: 'INSERT without VALUES (INSERT ... SELECT)' };
    const problem = badValues(t.slice(i + 1));
    return problem ? { keep: false, problem: `INSERT: ${problem}` } : { keep: true };
  }
  return {
    keep: false,
    problem: `${t
      .slice(0, 3)
      .map((x) => x.text)
      .join(' ')}: not a statement mysqldump writes for tables and rows`,
  };
}

/**
 * Checks a dump and sorts its statements per database. `known`: the upstream database names the
 * rehearsal can map onto its scratch names; any other database the dump names is refused.
 */
export function guardDump(file: string, text: string, known: string[]): DumpPlan {
  const reasons: string[] = [];
  const plan: DumpPlan = { file, header: [], databases: new Map(), secrets: [] };
  let parsed: Statement[];
  try {
    parsed = statements(text);
  } catch (error) {
    const e = error as DumpSyntaxError;
    throw new DumpRefused(file, [`line ${e.line}: ${e.message}`]);
  }
  let current: string | undefined;
  for (const s of parsed) {
    const verdict = judge(s);
    if (verdict.problem) reasons.push(`line ${s.line}: ${verdict.problem}`);
    else if (verdict.database !== undefined) {
      const name = verdict.database;
      if (SYSTEM.includes(name.toLowerCase())) reasons.push(`line ${s.line}: the system schema ${name}`);
      else if (!known.includes(name)) reasons.push(`line ${s.line}: database ${name} is none of the rehearsed services' (${known.join(', ')})`);
      else {
        current = name;
        if (!plan.databases.has(name)) plan.databases.set(name, []);
      }
    } else if (verdict.keep) {
      if (current) plan.databases.get(current)!.push(s.text);
      else if (/^(\/\*M?!\d*\s*)?SET\b/i.test(s.text)) plan.header.push(s.text);
      else reasons.push(`line ${s.line}: a table statement before any CREATE DATABASE or USE (dump with mysqldump --databases)`);
    }
    if (reasons.length >= 20) break;
  }
  if (!reasons.length && !plan.databases.size) reasons.push('no database in the dump (dump with mysqldump --databases)');
  if (reasons.length) throw new DumpRefused(file, reasons);
  plan.secrets = urlPasswords(text);
  return plan;
}

/** The password part of every scheme://user:password@ in the text, as written and URL-decoded. */
export function urlPasswords(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/[a-z+]+:\/\/[^:/@\s'"]*:([^@\s'"]+)@/gi)) {
    found.add(m[1]!);
    try {
      found.add(decodeURIComponent(m[1]!));
    } catch {
      // not URL-encoded: kept as written
    }
  }
  return [...found];
}

/** Reads and checks a dump file; latin1 keeps every byte as it is. */
export function readDump(file: string, known: string[]): DumpPlan {
  return guardDump(file, readFileSync(file, 'latin1'), known);
}
