// The runbook page folds each step's hosts, notes, done-when and sources into the pair's complete
// page (data-all). They are fetched from it when a step's Details open, a citation or a stop's
// reason is followed, and all of them before printing (the Print button, Ctrl+P, npm run pdf).
import { root, status, steps } from './common.js';

const url = root.dataset.all;
let doc;
let loading;
const parse = (html) => {
  doc = new DOMParser().parseFromString(html, 'text/html');
  return doc;
};
const fetched = (r) => {
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.text();
};
const load = () => {
  loading ??= fetch(url).then(fetched).then(parse);
  return loading;
};
// Printing from the browser's menu gives no time to wait: beforeprint reads the page synchronously
// when it is not here yet. Chromium refuses that load inside window.print() (measured headless), so
// Ctrl+P is taken as the Print button is (print.js), and a refusal is said, not thrown.
const loadSync = () => {
  if (doc) return doc;
  try {
    const x = new XMLHttpRequest();
    x.open('GET', url, false);
    x.send();
    if (x.status === 200) return parse(x.responseText);
    throw new Error(`HTTP ${x.status}`);
  } catch (error) {
    fail(error);
  }
};
const take = (d, li) => {
  if (li.querySelector(':scope>.more')) return;
  const more = d.getElementById(li.id)?.querySelector(':scope>.more');
  if (more) li.append(document.adoptNode(more));
};
let listed = false;
const lists = (d) => {
  if (listed) return;
  listed = true;
  const ol = d.querySelector('#reasons>ol');
  const src = d.querySelector('#sources .sources');
  if (ol) root.querySelector('#reasons .nojs').replaceWith(document.adoptNode(ol));
  if (src) root.querySelector('#sources .sources').replaceWith(document.adoptNode(src));
  document.getElementById('sources-nojs')?.remove();
};
const everything = (d) => {
  if (!d || root.dataset.complete) return;
  lists(d);
  for (const li of steps) take(d, li);
  root.dataset.complete = '1';
};
const show = (li, open) => {
  li.classList.toggle('open', open);
  li.querySelector(':scope>.more-b')?.setAttribute('aria-expanded', String(open));
};
const fail = (e) => status(`Could not load the details (${e.message}): the complete page has them.`);

async function clicked(e) {
  const b = e.target.closest('.more-b');
  const why = e.target.closest('.matrix a[href^="#why"]');
  const ref = e.target.closest('a[href^="#r"]');
  if (b) {
    const li = b.closest('li');
    const open = !li.classList.contains('open');
    if (open) take(await load(), li);
    show(li, open);
  } else if (why && !document.getElementById(why.hash.slice(1))) {
    e.preventDefault();
    lists(await load());
    root.querySelector('#reasons').open = true;
    location.hash = why.hash;
  } else if (ref && !root.dataset.complete) {
    // "Cited by" lists every step that cites a source: all of them must be here.
    e.preventDefault();
    everything(await load());
    location.hash = ref.hash;
  }
}

// A link to a step (#offline.stop.nova) opens its details.
async function target() {
  const li = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (!li?.matches('.steps>li')) return;
  try {
    take(await load(), li);
    show(li, true);
  } catch (error) {
    fail(error);
  }
}

/** Everything fetched, for the Print button and npm run pdf (a promise), or at once for Ctrl+P. */
export const complete = () => (url ? load().then(everything) : Promise.resolve());
export const completeNow = () => {
  if (url) everything(loadSync());
};

export function initMore() {
  if (!url) return;
  root.addEventListener('click', (e) => clicked(e).catch(fail));
  addEventListener('hashchange', target);
  target();
}
