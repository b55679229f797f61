import type { Root, RootContent } from 'mdast';

/** One top-level block of a runbook, refined: its tree (for the structure check) and its text. */
export interface RefinedBlock {
  nodes: RootContent[];
  text: string;
}

/**
 * Splits a generated runbook into its top-level blocks. The templates guarantee the shape: a
 * block starts at column 0 after a blank line, and everything inside one (a step's commands,
 * notes and sources) is indented, so blocks can be refined independently and the same step,
 * which recurs in hundreds of pair runbooks, is refined once per process.
 */
export function splitBlocks(markdown: string): string[] {
  return markdown.replace(/\n+$/, '').split(/\n\n+(?=\S)/);
}

/** Memoises `refine` by block text; trees in the cache are shared, so nothing may mutate them. */
export function createBlockCache(refine: (block: string) => RefinedBlock) {
  const cache = new Map<string, RefinedBlock>();
  return (block: string): RefinedBlock => {
    let hit = cache.get(block);
    if (!hit) {
      hit = refine(block);
      cache.set(block, hit);
    }
    return hit;
  };
}

/** The document tree from its blocks; adjacent list blocks form one loose list, as a whole-text parse would. */
export function assemble(blocks: RefinedBlock[]): Root {
  const children: RootContent[] = [];
  for (const node of blocks.flatMap((b) => b.nodes)) {
    const last = children.at(-1);
    if (node.type === 'list' && last?.type === 'list' && last.ordered === node.ordered) {
      children[children.length - 1] = { ...last, spread: true, children: [...last.children, ...node.children] };
    } else children.push(node);
  }
  return { type: 'root', children };
}
