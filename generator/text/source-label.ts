import { boundedMemo } from './bounded-memo.ts';
import { escapeForTerminal } from './escape-terminal.ts';

/**
 * What a source link says instead of its long URL, so a printed checklist stays readable (the URL
 * stays the link target): "openstack/nova 15.0.0: nova/cmd/manage.py" for opendev links, host and
 * path otherwise.
 */
export function sourceLabel(url: string): string {
  return labelOf(url);
}

// A build labels the same few hundred sources tens of thousands of times.
const labelOf = boundedMemo(label, 2_000_000, (key, value) => key.length + value.length);

function label(url: string): string {
  const opendev = /^https:\/\/opendev\.org\/([^/]+\/[^/]+)\/(?:src|raw)\/(?:tag|commit|branch)\/([^/]+)\/(.*)$/.exec(url);
  if (opendev) {
    const [, repo = '', ref = '', path = ''] = opendev;
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
