/**
 * Characters that change what a terminal, an editor or a Markdown parser shows without being
 * visible themselves: C0 controls (tab and newline aside), DEL, C1 controls (U+009B is an 8-bit
 * CSI), bidi overrides, zero-width and other invisible characters, line/paragraph separators, and
 * U+FFFD (a byte that was not valid text). Content is written by contributors and pasted into
 * production shells, so none of these may reach the operator.
 */
export const UNSAFE_CHAR =
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffd\u{e0000}-\u{e007f}]/u;

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'BEL',
  0x08: 'backspace',
  0x09: 'tab',
  0x0a: 'newline',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x9b: 'CSI',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202e: 'right-to-left override',
  0x202d: 'left-to-right override',
  0x2060: 'word joiner',
  0xfeff: 'byte order mark',
  0xfffd: 'replacement character, from bytes that were not valid text',
};

/** "U+001B (ESC)": how a report names a character it must not print. */
export function describeChar(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const kind =
    NAMES[code] ??
    (code < 0x20 || code === 0x7f ? 'control character' : code >= 0x80 && code <= 0x9f ? 'C1 control character' : 'invisible or bidi control character');
  return `U+${hex} (${kind})`;
}

/** The first unsafe character and its index; `allow` lists characters the field may hold (tab, newline). */
export function findUnsafe(value: string, allow = '\t\n'): { index: number; char: string } | undefined {
  const re = new RegExp(UNSAFE_CHAR.source, 'gu');
  for (const match of value.matchAll(re)) {
    if (!allow.includes(match[0])) return { index: match.index, char: match[0] };
  }
  return undefined;
}
