import type { Link, Paragraph, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { escapeForTerminal } from '../text/escape-terminal.ts';

/**
 * Labels each source link with what it cites ("nova 15.0.0: nova/cmd/manage.py") instead of a
 * long URL, so a printed checklist stays readable; the URL stays the link target.
 */
export default function remarkSourceLinks() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (paragraph: Paragraph) => {
      const head = paragraph.children[0];
      if (head?.type !== 'text' || !head.value.startsWith('Sources:')) return;
      const links = paragraph.children.filter((c): c is Link => c.type === 'link');
      const children: PhrasingContent[] = [{ type: 'text', value: 'Sources: ' }];
      links.forEach((link, i) => {
        if (i > 0) children.push({ type: 'text', value: ' · ' });
        children.push({ type: 'link', url: link.url, children: [{ type: 'text', value: sourceLabel(link.url) }] });
      });
      paragraph.children = children;
    });
  };
}

/** "openstack/nova 15.0.0: nova/cmd/manage.py" for opendev links; host and path otherwise. */
export function sourceLabel(url: string): string {
  const opendev = /^https:\/\/opendev\.org\/([^/]+\/[^/]+)\/(?:src|raw)\/(?:tag|commit|branch)\/([^/]+)\/(.*)$/.exec(url);
  if (opendev) {
    const [, repo, ref, path] = opendev;
    const shortRef = /^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 10) : ref;
    return `${repo} ${shortRef}: ${decodePath(path)}`;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return escapeForTerminal(url, true);
  }
  // Credentials stay visible: a label must not hide what the link sends.
  const user = parsed.username ? `${parsed.username}${parsed.password ? ':…' : ''}@` : '';
  return `${user}${parsed.host}${decodePath(parsed.pathname)}`;
}

/** A readable path; a bad % escape stays as written, and decoded controls are shown escaped. */
function decodePath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // keep it encoded
  }
  return escapeForTerminal(decoded, true);
}
