import type { YamlFile, YamlPath } from '../../load/yaml-file.ts';
import type { Problem } from '../../problem.ts';
import type { Rule } from './rule.ts';

const HTML_TAG = /<\/?[a-z][a-z0-9-]*(\s[^>]*)?\/?>/i;
const SCRIPT_URL = /\b(javascript|vbscript|data):/i;

/**
 * Prose fields are shown on the site and in print: no raw HTML or script URLs in them. Commands
 * and `code spans` are exempt: they are always shown as code, where `<` and `>` are just characters.
 */
export const noRawHtml: Rule = (ctx) => {
  const problems: Problem[] = [];
  for (const { file } of [...ctx.services, ...ctx.series, ...ctx.releases]) {
    for (const [path, original] of prose(file)) {
      const text = original.replace(/`[^`\n]+`/g, ''); // code spans are shown literally
      if (HTML_TAG.test(text)) {
        problems.push(
          file.problem(path, 'raw-html', `Unexpected raw HTML \`${HTML_TAG.exec(text)![0]}\` in text, expected plain text (write commands in \`commands\`)`),
        );
      } else if (SCRIPT_URL.test(text)) {
        problems.push(file.problem(path, 'raw-html', `Unexpected script URL \`${SCRIPT_URL.exec(text)![0]}\` in text, expected plain text or https links`));
      }
    }
  }
  return problems;
};

function* prose(file: YamlFile): Generator<[YamlPath, string]> {
  function* walk(value: unknown, path: (string | number)[]): Generator<[YamlPath, string]> {
    if (typeof value === 'string') yield [path, value];
    else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* walk(value[i], [...path, i]);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (k !== 'commands' && k !== 'sources') yield* walk(v, [...path, k]);
    }
  }
  yield* walk(file.data, []);
}
