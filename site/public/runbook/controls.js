// Each step's controls: its id as a link to itself, Details (the runbook page), a Copy button per
// command. They are made only for the steps on or near the screen, or holding focus, and removed
// again when the step is far away: juno→gazpacho would otherwise add 3,000 elements to its 4,400.
import { boxOf, h, root, status, steps } from './common.js';

const light = Boolean(root.dataset.all); // the runbook page: ids in the li only, details folded
const made = new Set();

const button = (className, text, label) => h('button', { type: 'button', className, textContent: text }, { 'aria-label': label });

function make(li) {
  if (!li || made.has(li)) return;
  made.add(li);
  // The step id links to the step, to share a place in the runbook. The runbook page writes the id
  // once, as the li's id (CSS shows it until this link is made); the complete page has a <code>.
  const label = li.querySelector(':scope>label');
  const a = h('a', { className: 'sid', href: `#${li.id}`, tabIndex: -1 });
  const code = label.querySelector(':scope>code') ?? h('code', { textContent: li.id });
  if (code.parentNode) code.replaceWith(a);
  else boxOf(li).after(' ', a);
  a.append(code);
  if (light) {
    const open = li.classList.contains('open');
    const b = button('more-b', 'Details', `Details of ${li.id}`);
    b.setAttribute('aria-expanded', String(open));
    label.after(b);
  }
  const pres = [...li.querySelectorAll(':scope>pre')];
  // Before its command, floated into the command's corner: no wrapper element per command. Code
  // in a community note gets none: it is unvetted text.
  pres.forEach((pre, i) => {
    pre.before(button('copy', 'Copy', `Copy command ${pres.length > 1 ? `${i + 1} ` : ''}of ${li.id}`));
  });
  li.dataset.c = '';
}

function unmake(li) {
  if (!made.has(li) || li.contains(document.activeElement)) return;
  made.delete(li);
  for (const b of li.querySelectorAll(':scope>.copy,:scope>.more-b')) b.remove();
  const a = li.querySelector(':scope>label>.sid');
  if (light) {
    a.previousSibling.remove(); // the space before it
    a.remove();
  } else a.replaceWith(a.firstChild);
  delete li.dataset.c;
}

const fallback = (text) => {
  const ta = h('textarea', { value: text, readOnly: true });
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.append(ta);
  ta.select();
  try {
    document.execCommand('copy');
  } finally {
    ta.remove();
  }
};

const near = new Set();

/** Every step's id as a link, for printing (the printed step shows its id beside the title). */
export const makeAll = () => {
  for (const li of steps) make(li);
};
/** After printing: the controls of the steps far from the screen go again. */
export const tidy = () => {
  for (const li of [...made]) if (!near.has(li)) unmake(li);
};

export function initControls() {
  // Half a screen above and below: controls are there before a step scrolls in.
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) {
          near.add(e.target);
          make(e.target);
        } else {
          near.delete(e.target);
          unmake(e.target);
        }
      }
    },
    { rootMargin: '50% 0px' },
  );
  for (const li of steps) io.observe(li);
  // Keyboard: a focused step and its neighbours have their controls before the next Tab or Shift+Tab.
  root.addEventListener('focusin', (e) => {
    const li = e.target.closest('.steps>li');
    const i = steps.indexOf(li);
    if (i >= 0) for (const x of [steps[i - 1], li, steps[i + 1]]) make(x);
  });
  root.addEventListener('focusout', (e) => {
    const li = e.target.closest('.steps>li');
    if (li && !near.has(li) && !li.contains(e.relatedTarget)) queueMicrotask(() => unmake(li));
  });
  root.addEventListener('click', async (e) => {
    const b = e.target.closest('.copy');
    if (!b) return;
    const text = b.nextElementSibling.textContent;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      fallback(text);
    }
    b.textContent = 'Copied';
    status(`Copied: ${b.getAttribute('aria-label').replace(/^Copy /, '')}`);
    setTimeout(() => {
      b.textContent = 'Copy';
    }, 1500);
  });
}
