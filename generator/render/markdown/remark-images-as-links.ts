import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * A note's image becomes a link to it: an `<img>` would be fetched from another host as soon as
 * the page loads (a tracking pixel, at the least), and nothing on the site may leave its origin.
 */
export default function remarkImagesAsLinks() {
  return (tree: Root) => {
    visit(tree, 'image', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const link: Link = { type: 'link', url: node.url, children: [{ type: 'text', value: `Image: ${node.alt || node.url}` }] };
      parent.children.splice(index, 1, link);
    });
    visit(tree, 'imageReference', (node, index, parent) => {
      if (!parent || index === undefined) return;
      parent.children.splice(index, 1, { type: 'text', value: `Image: ${node.alt || node.identifier}` });
    });
  };
}
