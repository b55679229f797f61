/** A fenced code block, indented for a list item; the fence outlasts any backtick run in the code. */
export function fencedBlock(code: string, indent: number, lang = 'sh'): string {
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  return indentLines([`${fence}${lang}`, code, fence].join('\n'), indent);
}

/** Indents every non-empty line, so a block stays inside its list item. */
export function indentLines(text: string, width: number): string {
  const pad = ' '.repeat(width);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

function longestRun(value: string, char: string): number {
  let best = 0;
  for (let at = value.indexOf(char); at !== -1; ) {
    let end = at + 1;
    while (value[end] === char) end++;
    best = Math.max(best, end - at);
    at = value.indexOf(char, end);
  }
  return best;
}
