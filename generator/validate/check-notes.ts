import { basename, dirname } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { remove } from 'unist-util-remove';
import { parseYamlFile } from '../load/yaml-file.ts';
import { splitFrontMatter } from '../load/front-matter.ts';
import { NoteFrontMatterSchema, type CommunityNote } from '../schema/note.ts';
import { checkNoteBody } from './note-rules.ts';
import type { Problem } from '../problem.ts';
import { zodProblems } from './zod-problems.ts';

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkStringify, { bullet: '-', fences: true }).freeze();

/** Checks one community note: front matter, file placement, body rules; returns it sanitised. */
export function checkNote(file: string, text: string): { note?: CommunityNote; problems: Problem[] } {
  const parts = splitFrontMatter(text);
  if (!parts) {
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          ruleId: 'note-front-matter',
          message: 'Missing front matter, expected the file to start with ---, service, series, title and sources, then ---',
        },
      ],
    };
  }
  // The YAML starts on line 2 of the file, after the opening ---.
  const shift = (p: Problem): Problem => ({ ...p, line: p.line + 1 });
  const parsed = parseYamlFile(file, `${parts.yaml}\n`);
  const problems = parsed.problems.map(shift);
  const yaml = parsed.yaml;
  if (!yaml) return { problems };
  const result = NoteFrontMatterSchema.safeParse(yaml.data, { reportInput: true });
  if (!result.success) return { problems: zodProblems(yaml, NoteFrontMatterSchema, result.error.issues).map(shift) };
  const front = result.data;
  const folder = basename(dirname(file));
  const stem = basename(file, '.md');
  if (front.series !== folder)
    problems.push(shift(yaml.problem(['series'], 'id-mismatch', `Series "${front.series}" does not match the folder, expected "${folder}"`)));
  if (front.service !== stem)
    problems.push(shift(yaml.problem(['service'], 'id-mismatch', `Service "${front.service}" does not match the file name, expected "${stem}"`)));
  const tree = markdown.parse(parts.body) as Root;
  for (const issue of checkNoteBody(tree, parts.body)) {
    problems.push({ file, line: issue.line + parts.bodyLine - 1, column: issue.column, ruleId: issue.ruleId, message: issue.message });
  }
  if (tree.children.length === 0)
    problems.push({ file, line: parts.bodyLine, column: 1, ruleId: 'note-empty', message: 'Empty note, expected Markdown after the front matter' });
  return { note: { ...front, body: sanitise(tree) }, problems };
}

/** Defence in depth: even a note that slipped past validation renders without HTML or unsafe links. */
function sanitise(tree: Root): string {
  remove(tree, (node) => node.type === 'html');
  remove(tree, (node) => 'url' in node && typeof node.url === 'string' && !/^https:\/\//.test(node.url));
  return markdown.stringify(tree).trim();
}
