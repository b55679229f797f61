/** A piece of prose: plain text, or a `code span` (option names, paths, placeholders). */
export interface ProsePart {
  code: boolean;
  text: string;
}

/** Splits content prose into plain text and code spans, for Markdown and HTML alike. */
export function splitProse(value: string): ProsePart[] {
  return value
    .split(/`([^`\n]+)`/)
    .map((text, i) => ({ code: i % 2 === 1, text }))
    .filter((p) => p.text !== '');
}
