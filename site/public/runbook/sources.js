// Citations: a step's sources are "[12] [13]" in the page and become links once opened; a followed
// citation says, in the source list, which steps cite it, each a link back.
import { $, h, root } from './common.js';

function linkRefs(d) {
  if (d.dataset.linked) return;
  d.dataset.linked = '1';
  for (const t of [...d.childNodes].filter((n) => n.nodeType === 3)) {
    const parts = t.textContent.split(/(\[\d+\])/);
    t.replaceWith(
      ...parts.map((s) => {
        const m = /^\[(\d+)\]$/.exec(s);
        return m ? h('a', { href: `#r${m[1]}`, textContent: s }) : s;
      }),
    );
  }
}

function backLinks(id) {
  const li = $(id);
  if (!li || li.querySelector('.back')) return;
  for (const d of root.querySelectorAll('details.src')) if (d.textContent.includes(`[${id.slice(1)}]`)) linkRefs(d);
  const p = h('span', { className: 'back' });
  p.append(' Cited by: ');
  for (const a of root.querySelectorAll(`a[href="#${id}"]`)) {
    const from = a.closest('li[id],tr[id]');
    if (!from || from === li) continue;
    p.append(h('a', { href: `#${from.id}`, textContent: from.id }), ' ');
  }
  li.append(p);
}

export function initSources() {
  root.addEventListener(
    'toggle',
    (e) => {
      if (e.target.matches('details.src')) linkRefs(e.target);
    },
    true,
  );
  root.addEventListener('click', (e) => {
    const ref = e.target.closest('a[href^="#r"]');
    if (ref) backLinks(ref.hash.slice(1));
  });
  const cited = () => {
    if (/^#r\d+$/.test(location.hash)) backLinks(location.hash.slice(1));
  };
  addEventListener('hashchange', cited);
  cited();
}
