import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { stepIdOf } from './step-id.ts';

/**
 * Checks the rendered runbook is what operators rely on: one title, numbered sections, every step
 * a task item with a unique id. A failure here is a template or planner bug, reported with its place.
 */
export default function remarkCheckStructure() {
  return (tree: Root, file: VFile) => {
    const seen = new Map<string, string>();
    let titles = 0;
    visit(tree, (node) => {
      if (node.type === 'heading') {
        if (node.depth === 1) titles++;
        return;
      }
      if (node.type !== 'listItem') return;
      const id = stepIdOf(node);
      if (!id) return;
      const place = node.position;
      const at = place ? `${place.start.line}:${place.start.column}` : '?';
      const first = seen.get(id);
      if (first) file.fail(`Unexpected duplicate step id \`${id}\`, first at ${first}; expected unique ids`, { place, ruleId: 'unique-step-id', source: 'leapfrog' });
      seen.set(id, at);
      if (node.checked !== false) file.fail(`Unexpected step \`${id}\` that is not a task item, expected \`- [ ]\``, { place, ruleId: 'step-task-item', source: 'leapfrog' });
    });
    if (titles !== 1) file.fail(`Unexpected ${titles} top-level headings, expected 1`, { ruleId: 'single-title', source: 'leapfrog' });
  };
}
