import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { sourceUrlProblem } from '../text/source-url.ts';

/** A problem in a note's Markdown body, at a position within the body. */
export interface NoteIssue {
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

/**
 * The rules a community note's body follows: it is embedded in runbooks under a step and shown on
 * the site, so it must not take over the page's structure or run anything.
 */
export function checkNoteBody(tree: Root, source: string): NoteIssue[] {
  const issues: NoteIssue[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }, ruleId: string, message: string) =>
    issues.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, ruleId, message });
  let previousDepth = 2;
  visit(tree, (node) => {
    switch (node.type) {
      case 'heading':
        if (node.depth < 3) at(node, 'note-heading-level', `Unexpected heading level ${node.depth}, expected ### or deeper: the runbook owns levels 1 and 2`);
        else if (node.depth > previousDepth + 1)
          at(node, 'note-heading-level', `Unexpected heading level ${node.depth} after level ${previousDepth}, expected at most ${previousDepth + 1}`);
        previousDepth = node.depth;
        break;
      case 'code': {
        // remark calls fenced and indented code both `code`; the source text tells them apart.
        const fenced = /^(`{3,}|~{3,})/.test(source.slice(node.position?.start.offset ?? 0).trimStart());
        if (!fenced) at(node, 'note-code-language', 'Unexpected indented code block, expected a fenced block with a language, e.g. ```sh');
        else if (!node.lang) at(node, 'note-code-language', 'Unexpected code block without a language, expected a fence with one, e.g. ```sh');
        break;
      }
      case 'html':
        at(node, 'note-raw-html', `Unexpected raw HTML \`${node.value.slice(0, 40)}\`, expected Markdown only`);
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (sourceUrlProblem(node.url)) at(node, 'note-link-https', `Unexpected link \`${node.url}\`, expected ${sourceUrlProblem(node.url)}`);
        break;
    }
  });
  return issues;
}
