// Keeping your place: ticks kept per step, per-section and overall progress, the sticky bar with the
// section you are in, "Next unticked" (key n), the offer to resume, ticked steps folded.
import { $, boxOf, h, ls, root, shown, status, steps, store } from './common.js';

const boxes = steps.map(boxOf);
const sections = [...root.querySelectorAll('.sec')].filter((s) => s.querySelector('.steps'));
let bar; // made by tools.js
const nextBox = () => boxes.find((b) => !b.checked && shown(b));

export function progress() {
  let done = 0;
  let all = 0;
  let hiddenDone = 0;
  for (const s of sections) {
    const mine = [...s.querySelectorAll('.steps>li>label>input')];
    const vis = mine.filter(shown);
    const d = vis.filter((b) => b.checked).length;
    hiddenDone += mine.filter((b) => b.checked && !shown(b)).length;
    done += d;
    all += vis.length;
    const text = `${d} of ${vis.length} steps done`;
    const p = s.querySelector('.prog');
    if (p.textContent !== text) p.textContent = text;
    const n = root.querySelector(`.toc [data-of="${s.id}"]`);
    n.textContent = `${d}/${vis.length}`;
    n.parentNode.classList.toggle('complete', d === vis.length);
  }
  $('count').textContent = `${done}/${all}${hiddenDone ? ` (+${hiddenDone} ticked, hidden by the filter)` : ''}`;
  $('meter').max = all;
  $('meter').value = done;
  $('next').disabled = !nextBox();
  const total = boxes.filter((b) => b.checked).length;
  // What the home page lists as in progress.
  const record = { title: root.dataset.title, done: total, total: boxes.length, at: Date.now() };
  ls.set(`leapfrog-progress:${root.dataset.pair}`, total ? JSON.stringify(record) : null);
}

// --bar: the sticky bar's height (it wraps on phones), which scroll-margin keeps steps below.
const barHeight = () => document.documentElement.style.setProperty('--bar', `${bar.offsetHeight}px`);

/** Scrolls a step's checkbox under the bar, focuses it and puts the step in the address. */
export function go(box) {
  barHeight();
  const li = box.closest('li');
  li.scrollIntoView({ block: 'start' });
  box.focus({ preventScroll: true });
  history.replaceState(null, '', `#${li.id}`);
}

// Where you are: the last heading above the bar, shown in the bar and marked in the contents.
const heads = [...root.querySelectorAll('.rb>section>h2,h3:has(+.steps)')];
const links = [...root.querySelectorAll('.toc a')];
export function where() {
  const y = bar.getBoundingClientRect().bottom + 8;
  let sec;
  let grp;
  for (const h of heads) {
    if (!shown(h)) continue;
    if (h.getBoundingClientRect().top > y) break;
    if (h.tagName === 'H2') {
      sec = h;
      grp = undefined;
    } else grp = h;
  }
  const text = sec ? sec.textContent + (grp ? ` › ${grp.textContent}` : '') : '';
  if ($('where').textContent !== text) $('where').textContent = text;
  for (const a of links) a.toggleAttribute('aria-current', false);
  const a = sec && links.find((l) => l.hash === `#${sec.parentNode.id}`);
  if (a) a.setAttribute('aria-current', 'location');
}

/** Counts in the sections and the contents (empty without JavaScript, so not in the HTML); ticks read back. */
export function initPlace() {
  bar = $('bar');
  for (const s of sections) {
    s.querySelector(':scope>h2+p').after(h('p', { className: 'prog' }, { 'aria-live': 'polite' }));
    root.querySelector(`.toc a[href="#${s.id}"]`).after(' ', h('span', { className: 'n' }, { 'data-of': s.id }));
  }
  for (const b of boxes) b.checked = store.get(b.closest('li').id) === '1';
  $('keep').textContent = 'Ticks are kept in this browser only (not on a server); print the page for the change record.';
  addEventListener('resize', barHeight);
  $('next').addEventListener('click', () => {
    const b = nextBox();
    if (b) go(b);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'n' || e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input:not([type=checkbox]),textarea,select')) return;
    const b = nextBox();
    if (b) {
      e.preventDefault();
      go(b);
    }
  });
  let ticking = false;
  const onScroll = () => {
    ticking = false;
    where();
  };
  addEventListener(
    'scroll',
    () => {
      if (!ticking) {
        ticking = true;
        requestAnimationFrame(onScroll);
      }
    },
    { passive: true },
  );
  root.addEventListener('change', (e) => {
    const t = e.target;
    if (t.matches('.steps input')) {
      store.set(t.closest('li').id, t.checked);
      progress();
    } else if (t.id === 'fold') {
      root.classList.toggle('fold', t.checked);
      ls.set('leapfrog-fold', t.checked ? null : 'off');
    }
  });
  const fold = $('fold');
  fold.checked = ls.get('leapfrog-fold') !== 'off';
  root.classList.toggle('fold', fold.checked);
  $('reset').addEventListener('click', reset);
  // The header search box: a step id of this runbook goes straight to the step.
  const find = $('find');
  find?.form.addEventListener('submit', (e) => {
    const li = $(find.value.trim());
    if (li?.matches('.steps>li')) {
      e.preventDefault();
      go(boxOf(li));
    }
  });
}

/** Clears the ticks shown (the filter's hidden services keep theirs, and the message says so). */
function reset() {
  const mine = boxes.filter((b) => b.checked && shown(b));
  const hidden = boxes.filter((b) => b.checked && !shown(b)).length;
  if (!confirm(`Clear the ${mine.length} ticks shown?${hidden ? ` The ${hidden} ticks of hidden services stay.` : ''}`)) return;
  for (const b of mine) {
    b.checked = false;
    store.set(b.closest('li').id, false);
  }
  progress();
  status(`${mine.length} ticks cleared${hidden ? `; ${hidden} hidden ticks kept` : ''}.`);
}

/** The bar shown, and on load with ticks and no #step in the address, the offer to resume. */
export function showPlace() {
  bar.hidden = false;
  barHeight();
  const first = nextBox();
  const ticked = boxes.filter((b) => b.checked).length;
  if (!ticked || !first || location.hash) return;
  const r = $('resume');
  const button = (text) => h('button', { type: 'button', textContent: text });
  const resume = button(`Resume at ${first.closest('li').id}`);
  resume.id = 'resume-go';
  const dismiss = button('Dismiss');
  r.append(`You have ticked ${ticked} of ${boxes.length} steps in this browser. `, resume, ' ', dismiss);
  r.hidden = false;
  resume.addEventListener('click', () => {
    r.hidden = true;
    go(first);
  });
  dismiss.addEventListener('click', () => {
    r.hidden = true;
  });
}
