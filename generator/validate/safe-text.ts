import type { YamlFile, YamlPath } from '../load/yaml-file.ts';
import { describeChar, findUnsafe } from '../text/unsafe-chars.ts';
import type { Problem } from '../problem.ts';

const RULE = 'unsafe-character';
const EXPECTED = 'expected printable text (tabs and newlines are fine)';

/**
 * Every key and every string of a YAML file, valid or not, free of characters that would show
 * the operator something other than what the data says (see UNSAFE_CHAR). One place for all
 * fields: titles, commands, notes, sources, names alike.
 */
export function unsafeTextInYaml(file: YamlFile): Problem[] {
  const problems: Problem[] = [];
  const check = (value: string, path: YamlPath, at: 'key' | 'value', allow: string) => {
    const hit = findUnsafe(value, allow);
    if (!hit) return;
    const where = path.length ? `\`${path.join('.')}\`: ` : '';
    problems.push(
      file.problem(
        path,
        RULE,
        `${where}Unexpected ${describeChar(hit.char)} at character ${hit.index + 1} of the ${at === 'key' ? 'key' : 'text'}, ${EXPECTED}`,
        at,
      ),
    );
  };
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') check(value, path, 'value', '\t\n');
    else if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(v, [...path, i]);
    else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [k, v] of Object.entries(value)) {
        check(k, [...path, k], 'key', '');
        walk(v, [...path, k]);
      }
    }
  };
  walk(file.data, []);
  return problems;
}

/** The same check over a whole text file (a community note), positioned by line and column. */
export function unsafeTextInFile(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    const hit = findUnsafe(line, '\t');
    if (hit) problems.push({ file, line: i + 1, column: hit.index + 1, ruleId: RULE, message: `Unexpected ${describeChar(hit.char)}, ${EXPECTED}` });
  });
  return problems;
}
