import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { stepIdOf } from './step-id.ts';

/** What a piece of a runbook contributes to its structure: step ids and top-level titles. */
export interface Structure {
  stepIds: string[];
  titles: number;
}

/**
 * Checks every step is a task item with an id, and records ids and titles in `file.data.structure`
 * so the whole document can be checked without walking its tree again (see checkDocument).
 */
export default function remarkCheckStructure() {
  return (tree: Root, file: VFile) => {
    const structure: Structure = { stepIds: [], titles: 0 };
    visit(tree, (node) => {
      if (node.type === 'heading' && node.depth === 1) structure.titles++;
      if (node.type !== 'listItem') return;
      const id = stepIdOf(node);
      if (!id) return;
      if (node.checked !== false) file.fail(`Unexpected step \`${id}\` that is not a task item, expected \`- [ ]\``, { place: node.position, ruleId: 'step-task-item', source: 'leapfrog' });
      structure.stepIds.push(id);
    });
    file.data.structure = structure;
  };
}

/** One title, unique step ids: what change tickets and the site's checklist state rely on. */
export function checkDocument(parts: Structure[]): void {
  const seen = new Set<string>();
  for (const id of parts.flatMap((p) => p.stepIds)) {
    if (seen.has(id)) throw new Error(`Unexpected duplicate step id \`${id}\`, expected unique ids [unique-step-id]`);
    seen.add(id);
  }
  const titles = parts.reduce((n, p) => n + p.titles, 0);
  if (titles !== 1) throw new Error(`Unexpected ${titles} top-level headings, expected 1 [single-title]`);
}

declare module 'vfile' {
  interface DataMap {
    structure: Structure;
  }
}
