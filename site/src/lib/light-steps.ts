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
const prose = (s: string): string => splitProse(s).map((p) => (p.code ? `<code>${esc(p.text)}</code>` : esc(p.text))).join('');

/** The services a group's steps belong to ("nova cinder"), or undefined when only shared steps. */
export function groupServices(steps: RunbookStep[]): string | undefined {
  return [...new Set(steps.map((s) => s.service).filter((x): x is string => x !== null))].join(' ') || undefined;
}

function step(s: RunbookStep, groupSvc: string | undefined): string {
  // A step carries its service only when the group does not say it already.
  const svc = s.service && s.service !== groupSvc ? ` data-svc=${attr(s.service)}` : '';
  const cmds = s.commands.map((c) => `<pre>${esc(c)}</pre>`).join('');
  // The id is written once: CSS shows it from the attribute, runbook.js makes it a link (li::before).
  return `<li id=${attr(s.id)}${svc}><label><input type=checkbox> ${prose(s.title)}</label>${cmds}`; // </li> is optional
}

export function lightSteps(steps: RunbookStep[]): string {
  return groupSteps(steps)
    .map((g) => {
      const svc = groupServices(g.steps);
      const data = svc ? ` data-svc=${attr(svc)}` : '';
      return `<div${data}>${g.title ? `<h3>${esc(g.title)}</h3>` : ''}<ul class=steps>${g.steps.map((s) => step(s, svc)).join('')}</ul></div>`;
    })
    .join('');
}

/** The service filter's choices: a checkbox and an "only" button per service. */
export function serviceChoices(services: { id: string; name: string }[]): string {
  return services.map((s) => `<span class=svc><label><input type=checkbox name=services value=${attr(s.id)} checked> ${esc(s.name)}</label> <button type=button class=only value=${attr(s.id)} aria-label="Only ${esc(s.name)}">only</button></span>`).join('');
}
