/**
 * A section's steps for the runbook page as terse HTML: the checkbox line (id and title) and the
 * commands, nothing else. Hosts, notes, done-when and sources are folded into the pair's complete
 * page (`all/`), which runbook.js fetches when a step's details are opened or the page is printed.
 * The id is in the markup once (the li's id) and a command is a bare <pre>.
 * Written as a string because Astro quotes every attribute and keeps whitespace between elements:
 * 40 bytes a step on a 730-step page. Every content string goes through esc().
 */
import { groupSteps, splitProse, type RunbookStep } from './data.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ESC[c] ?? c);
/** An attribute value, unquoted when HTML allows it (step ids and service ids always do). */
export const attr = (s: string): string => (/^[\w.:/-]+$/.test(s) ? s : `"${esc(s)}"`);
const prose = (s: string): string =>
  splitProse(s)
    .map((p) => (p.code ? `<code>${esc(p.text)}</code>` : esc(p.text)))
    .join('');

/** The services a group's steps belong to ("nova cinder"), or undefined when only shared steps. */
export function groupServices(steps: RunbookStep[]): string | undefined {
  return [...new Set(steps.map((s) => s.service).filter((x): x is string => x !== null))].join(' ') || undefined;
}

/**
 * The service a step's id names: its one dot-separated part that is a service of the page
 * (`offline.stop.nova`, `prepare.kilo.cinder.db-version`), else null. runbook/filter.js reads an
 * unmarked step the same way, so the page writes data-svc only where this rule is wrong.
 */
export function serviceInId(id: string, services: ReadonlySet<string>): string | null {
  const named = id.split('.').filter((part) => services.has(part));
  return named.length === 1 ? (named[0] ?? null) : null;
}

/**
 * A step's data-svc: none when its id names its service, or when it names none and the group is
 * that one service's (the group hides it); `data-svc=""` for a shared step whose id names one.
 */
function stepService(s: RunbookStep, groupSvc: string | undefined, services: ReadonlySet<string>): string {
  const named = serviceInId(s.id, services);
  if (named === s.service || (named === null && s.service === groupSvc)) return '';
  return ` data-svc=${attr(s.service ?? '')}`;
}

function step(s: RunbookStep, groupSvc: string | undefined, services: ReadonlySet<string>): string {
  const svc = stepService(s, groupSvc, services);
  const cmds = s.commands.map((c) => `<pre>${esc(c)}</pre>`).join('');
  // The id is written once: CSS shows it from the attribute, runbook.js makes it a link (li::before).
  return `<li id=${attr(s.id)}${svc}><label><input type=checkbox> ${prose(s.title)}</label>${cmds}`; // </li> is optional
}

/** `services`: the page's service ids, which a step id may name (serviceInId). */
export function lightSteps(steps: RunbookStep[], services: ReadonlySet<string>): string {
  return groupSteps(steps)
    .map((g) => {
      const svc = groupServices(g.steps);
      const data = svc ? ` data-svc=${attr(svc)}` : '';
      return `<div${data}>${g.title ? `<h3>${esc(g.title)}</h3>` : ''}<ul class=steps>${g.steps.map((s) => step(s, svc, services)).join('')}</ul></div>`;
    })
    .join('');
}
