import { UNSAFE_CHAR } from './unsafe-chars.ts';

/**
 * Why `url` cannot be a source link, or undefined when it can. Labels are made from the URL
 * (text/source-label.ts), so it must parse, decode and stay a plain link: no
 * credentials hidden behind a label, no bracket or parenthesis that ends a Markdown link early,
 * no `%` escape that decodes to a control character.
 */
export const URL_SHAPE = /^https:\/\/[^\s<>"'`]+$/;
export const URL_SHAPE_MESSAGE = 'an absolute https:// URL without spaces or quotes';

export function sourceUrlProblem(url: string): string | undefined {
  if (!URL_SHAPE.test(url)) return URL_SHAPE_MESSAGE;
  if (/[[\]()\\{}|^]/.test(url)) return 'a URL without brackets, parentheses, backslashes, braces, | or ^ (percent-encode them)';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'a URL that parses (check the host and port)';
  }
  if (parsed.username || parsed.password) return 'a URL without user:password@ credentials';
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname + parsed.search + parsed.hash);
  } catch {
    return 'a URL whose % escapes are valid (%XX with two hex digits, UTF-8)';
  }
  if (UNSAFE_CHAR.test(decoded)) return 'a URL whose % escapes do not decode to control or invisible characters';
  return undefined;
}
