import type { ListItem } from 'mdast';

/** Step ids: dot-separated kebab-case parts, e.g. `ocata.nova.db-sync` or `prepare.backup.nova`. */
export const STEP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

/** The id of a step item: the inline code that opens its first paragraph, if it is one. */
export function stepIdOf(item: ListItem): string | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const head = first.children[0];
  return head?.type === 'inlineCode' && STEP_ID.test(head.value) ? head.value : undefined;
}
