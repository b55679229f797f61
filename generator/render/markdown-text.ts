import { escapeForTerminal } from '../text/escape-terminal.ts';
import { splitProse } from './prose.ts';

/**
 * Escapes prose so Markdown shows it literally (no emphasis, links, HTML or list markers), except
 * `code spans`, which content may use for option names and file paths.
 */
export function escapeText(value: string): string {
  return splitProse(oneLine(value))
    .map((part) => (part.code ? inlineCode(part.text) : escapePlain(part.text)))
    .join('');
}

/**
 * Prose is one line of Markdown: any line break (a lone CR too) would start a new block, so it
 * becomes a space, and what else validation refuses is shown escaped if it ever gets this far.
 */
function oneLine(value: string): string {
  return escapeForTerminal(value.replace(/\r\n?|[\n\u2028\u2029]/g, ' '), true);
}

function escapePlain(value: string): string {
  return value
    .replace(/[\\`*_{}\[\]<>()#+!|~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-=>])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Inline code that survives any backticks inside: the fence is one longer than the longest run. */
export function inlineCode(raw: string): string {
  const value = oneLine(raw);
  const fence = '`'.repeat(longestRun(value, '`') + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || value.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A fenced code block, indented for a list item; the fence outlasts any backtick run in the code. */
export function fencedBlock(code: string, indent: number, lang = 'sh'): string {
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  return indentLines([`${fence}${lang}`, code, fence].join('\n'), indent);
}

/** Indents every non-empty line, so a block stays inside its list item. */
export function indentLines(text: string, width: number): string {
  const pad = ' '.repeat(width);
  return text.split('\n').map((line) => (line ? pad + line : line)).join('\n');
}

function longestRun(value: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of value) {
    run = c === char ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
