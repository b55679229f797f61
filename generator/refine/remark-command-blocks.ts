import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { stepIdOf } from './step-id.ts';

/** Every code block in a step is a shell command: label it so highlighting and copy buttons agree. */
export default function remarkCommandBlocks() {
  return (tree: Root) => {
    visit(tree, 'listItem', (item) => {
      if (!stepIdOf(item)) return;
      for (const child of item.children) if (child.type === 'code' && !child.lang) child.lang = 'sh';
    });
  };
}
