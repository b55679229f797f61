import type { PhrasingContent } from 'mdast';

/**
 * Most runbook lines need no escaping at all: prose without Markdown punctuation, code spans,
 * `**names**` and source links. For those this writes what remark-stringify would write, by
 * concatenation; anything it is not sure of returns undefined and goes to remark-stringify, which
 * stays the authority (test/plain-line.test.ts compares both on every line of many runbooks and
 * on hostile text). Rules below follow mdast-util-to-markdown's unsafe patterns, conservatively.
 */

// Characters that can mean something wherever they are (attention, code, links, escapes, strikethrough,
// html, entities, autolinks, table pipes), and a tab or line ending.
const ALWAYS = /[*`[\]\\~<>&!@|#\t\r\n]/;
// An underscore stays as written only inside a word (`nova_api`): remark leaves those alone.
const LOOSE_UNDERSCORE = /(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/;
// Triggers that need a neighbour: www. and http(s):/ autolink literals.
const NEIGHBOURS = /[Ww]\.[-.\w]|[ps]:\//;
// At the start of a paragraph: block markers (lists, headings, quotes, thematic breaks, tables), or leading space.
const AT_START = /^(?:[\s#+\-=>|:~]|\d+[.)])/;
// A strong's text: starts with a letter or digit, ends with one or with a colon (`**Warning:**`).
const STRONG_TEXT = /^[A-Za-z0-9](?:[\s\S]*[A-Za-z0-9:])?$/;
// A destination that needs neither angle brackets nor escapes.
const PLAIN_URL = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9:/._~%?=#+,;@$'-]*$/;

function plainText(value: string): boolean {
  return !ALWAYS.test(value) && !NEIGHBOURS.test(value) && !LOOSE_UNDERSCORE.test(value);
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
      out += node.value;
    } else if (node.type === 'inlineCode') {
      out += codeSpan(node.value);
    } else if (node.type === 'strong') {
      const inner = node.children.length === 1 ? node.children[0] : undefined;
      // A name, or a label ending in a colon, between start/space and end/space: `**` pairs as written.
      // No underscore inside: one next to the closing `**` would be escaped.
      if (inner?.type !== 'text' || !plainText(inner.value) || inner.value.includes('_') || !STRONG_TEXT.test(inner.value)) return undefined;
      if (next && !(next.type === 'text' && next.value.startsWith(' '))) return undefined;
      out += `**${inner.value}**`;
    } else if (node.type === 'link') {
      const label = node.children.length === 1 ? node.children[0] : undefined;
      if (i === 0 || node.title || label?.type !== 'text' || !plainText(label.value) || label.value === node.url) return undefined;
      if (!PLAIN_URL.test(node.url) || /&[#A-Za-z]/.test(node.url)) return undefined;
      out += `[${label.value}](${node.url})`;
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
    if (node.type === 'text' && plainText(node.value)) out += node.value;
    else if (node.type === 'inlineCode') out += codeSpan(node.value);
    else return undefined;
  }
  return out;
}
