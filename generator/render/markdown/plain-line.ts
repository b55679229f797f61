import type { PhrasingContent } from 'mdast';

/**
 * Most runbook lines need no escaping at all: prose without Markdown punctuation, code spans,
 * `**names**` and source links. For those this writes what remark-stringify would write, by
 * concatenation; anything it is not sure of returns undefined and goes to remark-stringify, which
 * stays the authority (test/plain-line.test.ts compares both on every line of many runbooks and
 * on hostile text). Rules below follow mdast-util-to-markdown's unsafe patterns, conservatively.
 */

// Characters whose escaping depends on more than a neighbour (code, escapes, strikethrough,
// tables, headings), and a tab or line ending: any of them sends the line to remark.
const ALWAYS = /[`\\~|#\t\r\n]/;
// Underscores next to a character remark classifies by Unicode (not ASCII), or right after an
// autolink literal's `.` or `@` (whose pattern then yields to the underscore): remark decides.
const UNDERSCORE_DOUBT = /[^\x00-\x7f]_|_[^\x00-\x7f]|[.@]_/;
// mdast-util-to-markdown's unsafe patterns that these lines can meet: the character after group 1
// of each match gets a backslash. Matches run left to right without overlap, as there (a pattern
// consumes the character after). `[` opens a link, `*` emphasis, `<b` html, `&amp` a reference;
// `]`, `!` and `>` mean nothing mid-text. Running text adds the autolink literals (www.,
// http(s):/, e-mail); a link's label escapes `]` too and leaves literals alone (a link holds no link).
const ESCAPES = [/()\[/g, /()\*/g, /()<(?:[!/?A-Za-z])/g, /()&(?:[#A-Za-z])/g];
const LITERALS = [/([Ww])\.(?:[-.\w])/g, /([ps]):(?:\/)/g, /([+\-.\w])@(?:[-.\w])/g];
const ESCAPES_IN = { text: [...ESCAPES, ...LITERALS], label: [...ESCAPES, /()\]/g] };
// What some pattern above (or the underscore rule) needs to match at all.
const MAY_ESCAPE = /[[\]*<&_@]|[Ww]\.|[ps]:/;
// At the start of a paragraph: block markers (lists, headings, quotes, thematic breaks, tables), or
// leading space; a `-` that starts neither (`--option`, `-x`) is written as remark writes it.
const AT_START = /^(?:[\s#+=>|:~]|\d+[.)]|-$)/;
// A strong's text: starts with a letter or digit, ends with one or with a colon (`**Warning:**`).
const STRONG_TEXT = /^[A-Za-z0-9](?:[\s\S]*[A-Za-z0-9:])?$/;
// A destination that needs neither angle brackets nor escapes.
const PLAIN_URL = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9:/._~%?=#+,;@$'-]*$/;

/** Text these rules can write; a strong's text must need no escape at all. */
function plainText(value: string, within: 'text' | 'label' | 'strong' = 'text'): boolean {
  if (ALWAYS.test(value) || UNDERSCORE_DOUBT.test(value)) return false;
  if (within === 'strong') return !/[[\]*<&!>@_]|[Ww]\.[-.\w]|[ps]:\//.test(value);
  // `](` in text would read as a link's destination (remark escapes the `(`).
  return within === 'label' || !value.includes('](');
}

/**
 * What remark writes for text plainText accepted: the patterns above, and every underscore of a
 * run that is not inside a word (`nova_api` stays, `__init__` becomes `\_\_init\_\_`).
 */
function escaped(value: string, within: 'text' | 'label' = 'text', atStart = false): string {
  // Most text holds none of these: no pattern can match, nothing to do.
  if (!MAY_ESCAPE.test(value) && !(atStart && value.startsWith('-'))) return value;
  const at = new Set<number>();
  for (const pattern of ESCAPES_IN[within]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(value); m; m = pattern.exec(value)) at.add(m.index + (m[1] ?? '').length);
  }
  for (const run of value.matchAll(/_+/g)) {
    const end = run.index + run[0].length;
    if (!(isWordChar(value[run.index - 1]) && isWordChar(value[end]))) for (let i = run.index; i < end; i++) at.add(i);
  }
  // A paragraph starting `- `, `-\t` or `--` would be a list item, a thematic break or setext.
  if (atStart && /^-[ \t-]/.test(value)) at.add(0);
  if (!at.size) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) out += at.has(i) ? `\\${value[i]}` : value[i];
  return out;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9]/.test(char);
}

/** The code span remark writes: a fence longer than any backtick run inside, padded where needed. */
function codeSpan(value: string): string {
  let fence = '`';
  while (new RegExp(`(^|[^\`])${fence}([^\`]|$)`).test(value)) fence += '`';
  const pad = /[^\n\r ]/.test(value) && ((/^[\n\r ]/.test(value) && /[\n\r ]$/.test(value)) || /^`|`$/.test(value));
  return fence + (pad ? ` ${value} ` : value) + fence;
}

/** A paragraph's Markdown, or undefined when remark-stringify must decide. */
export function plainParagraph(nodes: PhrasingContent[]): string | undefined {
  const last = nodes.at(-1);
  if (last?.type === 'text' && /\s$/.test(last.value)) return undefined;
  let out = '';
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const next = nodes[i + 1];
    if (node.type === 'text') {
      if (!plainText(node.value) || (i === 0 && AT_START.test(node.value))) return undefined;
      // A text before strong must end in a space so the `**` opens as written.
      if (next?.type === 'strong' && !node.value.endsWith(' ')) return undefined;
      out += escaped(node.value, 'text', i === 0);
    } else if (node.type === 'inlineCode') {
      out += codeSpan(node.value);
    } else if (node.type === 'strong') {
      const inner = node.children.length === 1 ? node.children[0] : undefined;
      // A name, or a label ending in a colon, between start/space and end/space: `**` pairs as written.
      if (inner?.type !== 'text' || !plainText(inner.value, 'strong') || !STRONG_TEXT.test(inner.value)) return undefined;
      if (next && !(next.type === 'text' && next.value.startsWith(' '))) return undefined;
      out += `**${inner.value}**`;
    } else if (node.type === 'link') {
      const label = node.children.length === 1 ? node.children[0] : undefined;
      if (i === 0 || node.title || label?.type !== 'text' || !plainText(label.value, 'label') || label.value === node.url) return undefined;
      if (!PLAIN_URL.test(node.url) || /&[#A-Za-z]/.test(node.url)) return undefined;
      out += `[${escaped(label.value, 'label')}](${node.url})`;
    } else return undefined;
  }
  return out;
}

/** A heading's content (after `# `), or undefined when remark-stringify must decide. */
export function plainHeading(nodes: PhrasingContent[]): string | undefined {
  const first = nodes[0];
  const last = nodes.at(-1);
  if (first?.type === 'text' && /^\s/.test(first.value)) return undefined;
  if (last?.type === 'text' && /\s$/.test(last.value)) return undefined;
  // The AT_START rules do not apply after `# `: only text and code spans, plain.
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' && plainText(node.value)) out += escaped(node.value);
    else if (node.type === 'inlineCode') out += codeSpan(node.value);
    else return undefined;
  }
  return out;
}
