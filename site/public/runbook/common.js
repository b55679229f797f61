// What the parts of the runbook page share: the page, its step list, and storage that tolerates a
// browser without it (private mode, a full quota).
export const root = document.querySelector('[data-pair]');
export const $ = (id) => document.getElementById(id);
export const ls = {
  get: (k) => {
    try {
      return localStorage.getItem(k);
    } catch {
      return null;
    }
  },
  set: (k, v) => {
    try {
      v === null ? localStorage.removeItem(k) : localStorage.setItem(k, v);
    } catch {}
  },
};
const prefix = root && `leapfrog:${root.dataset.pair}:`;
/** A step's tick, by step id: `leapfrog:<from>/<to>:<step id>`. */
export const store = { get: (id) => ls.get(prefix + id), set: (id, on) => ls.set(prefix + id, on ? '1' : null) };
export const steps = root ? [...root.querySelectorAll('.steps>li')] : [];
export const boxOf = (li) => li.querySelector(':scope>label>input');
export const shown = (el) => !el.closest('[hidden]');
/** The page's status region: what a screen reader hears after a copy, a reset or a failed fetch. */
export const status = (text) => {
  $('status').textContent = text;
};
/** An element: h('button', { type: 'button', textContent: 'Copy' }, { 'aria-label': 'Copy …' }, ...children). */
export const h = (tag, props = {}, attrs = {}, ...children) => {
  const el = Object.assign(document.createElement(tag), props);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
};
