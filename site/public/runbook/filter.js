// The service filter, in the address as the CLI spells it (?services=nova,cinder): unknown names
// are named, the last service cannot be unticked, "only" shows one service.
import { $, h, root, steps } from './common.js';
import { progress, where } from './place.js';

const services = JSON.parse($('services')?.textContent ?? '[]'); // [[id, name], …], in the page as JSON
const all = services.map(([id]) => id);
const known = new Set(all);
let note; // made by tools.js
let checks = [];
const selected = () => checks.filter((c) => c.checked).map((c) => c.value);

/**
 * A step's service: its data-svc, or else the one part of its id that is a service of the page
 * (site/src/lib/light-steps.ts serviceInId writes data-svc wherever that reading would be wrong).
 * '' or null: a step of no single service, shown with its group.
 */
const serviceOf = (li) => {
  if (li.hasAttribute('data-svc')) return li.dataset.svc;
  const named = li.id.split('.').filter((part) => known.has(part));
  return named.length === 1 ? named[0] : null;
};
const own = new Map(steps.map((li) => [li, serviceOf(li)]));

function filter(want, push) {
  const on = new Set(want.length ? want : all);
  for (const c of checks) c.checked = on.has(c.value);
  for (const el of root.querySelectorAll('[data-svc]:not(.steps>li)')) el.hidden = !el.dataset.svc.split(' ').some((s) => on.has(s));
  for (const [li, svc] of own) li.hidden = Boolean(svc) && !on.has(svc);
  // The matrix names its service in the column heads only: a column's cells go with its head.
  const cols = [...root.querySelectorAll('.matrix thead th')].map((th) => th.dataset.svc);
  for (const tr of root.querySelectorAll('.matrix tbody tr')) {
    for (const [i, td] of [...tr.cells].entries()) if (cols[i]) td.hidden = !on.has(cols[i]);
  }
  $('svc-names').textContent = services
    .filter(([id]) => on.has(id))
    .map(([, name]) => name)
    .join(', ');
  if (push) {
    const url = new URL(location.href);
    if (on.size === all.length) url.searchParams.delete('services');
    else url.searchParams.set('services', [...on].join(','));
    history.replaceState(null, '', url.search ? `${url.pathname}${url.search.replace(/%2C/g, ',')}${url.hash}` : `${url.pathname}${url.hash}`);
  }
  progress();
  where();
}

/** A checkbox and an "only" button per service, from the page's data-services. */
function choices(set) {
  for (const [id, name] of services) {
    const box = h('input', { type: 'checkbox', name: 'services', value: id, checked: true });
    const only = h('button', { type: 'button', className: 'only', value: id, textContent: 'only' }, { 'aria-label': `Only ${name}` });
    set.append(h('span', { className: 'svc' }, {}, h('label', {}, {}, box, ` ${name}`), ' ', only));
  }
  checks = [...set.querySelectorAll('input[name=services]')];
}

export function initFilter() {
  const form = $('filter');
  note = $('filter-note');
  choices(form.querySelector('fieldset'));
  form.addEventListener('change', (e) => {
    const t = e.target;
    if (t.name !== 'services') return;
    // Unticking the last service would show nothing: keep it, and say why.
    if (!selected().length) t.checked = true;
    note.textContent = 'At least one service stays shown: use "only" to switch to another.';
    note.hidden = t.checked === false || selected().length > 1;
    filter(selected(), true);
  });
  form.addEventListener('click', (e) => {
    const b = e.target.closest('.only');
    if (b) {
      note.hidden = true;
      filter([b.value], true);
    }
  });
  const asked = new URLSearchParams(location.search)
    .getAll('services')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((v) => !known.has(v));
  if (unknown.length) {
    const rest = asked.length > unknown.length ? 'Showing the others.' : 'Showing every service.';
    note.textContent = `Not a service of this runbook: ${unknown.join(', ')}. ${rest} Known: ${all.join(', ')}.`;
    note.hidden = false;
  }
  filter(
    asked.filter((v) => known.has(v)),
    false,
  );
}
