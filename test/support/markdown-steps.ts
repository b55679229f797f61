import type { Code, ListItem, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { STEP_ID } from '../../generator/plan/step-id.ts';

/** Reads a rendered runbook back: each step item's id, checkbox state and code blocks, in order. */
export function stepsInMarkdown(markdown: string): { id: string; checked: boolean | null | undefined; commands: string[] }[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const steps: { id: string; checked: boolean | null | undefined; commands: string[] }[] = [];
  visit(tree, 'listItem', (item: ListItem) => {
    const id = stepIdOf(item);
    if (!id) return;
    steps.push({ id, checked: item.checked, commands: item.children.filter((c): c is Code => c.type === 'code').map((c) => c.value) });
  });
  return steps;
}

/** The id of a step item: the inline code that opens its first paragraph, if it is one. */
export function stepIdOf(item: ListItem): string | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const head = first.children[0];
  return head?.type === 'inlineCode' && STEP_ID.test(head.value) ? head.value : undefined;
}
