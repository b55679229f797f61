import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { stepIdOf } from './step-id.ts';

/** Turns every step (a list item opening with its id) into an unchecked GFM task-list item. */
export default function remarkStepChecklist() {
  return (tree: Root) => {
    visit(tree, 'listItem', (item) => {
      if (stepIdOf(item)) item.checked = false;
    });
  };
}
