import { UNSAFE_CHAR } from './unsafe-chars.ts';

const ALL_UNSAFE = new RegExp(UNSAFE_CHAR.source, 'gu');

/**
 * Text as it may be printed to a terminal: every unsafe character (see UNSAFE_CHAR) becomes a
 * visible `\u{…}` escape, so an ESC or a bidi override in content can never repaint what the
 * operator reads. Newlines stay unless `oneLine`; tabs stay.
 */
export function escapeForTerminal(text: string, oneLine = false): string {
  return text.replace(ALL_UNSAFE, (c) => ((c === '\n' && !oneLine) || c === '\t' ? c : `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`));
}
