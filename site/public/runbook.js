// Leapfrog runbook page: ticks kept in localStorage (key: pair and step id); where you are (sticky
// bar, contents with per-section progress, next unticked step, resume on load); service filter in the
// URL (?services=a,b); a copy button per command; the print header. The page reads and prints without it.
(() => {
  const root = document.querySelector('[data-pair]');
  if (!root) return;
  const $ = (id) => document.getElementById(id);
  const pair = root.dataset.pair;
  const prefix = `leapfrog:${pair}:`;
  const ls = {
    get: (k) => { try { return localStorage.getItem(k); } catch { return null; } },
    set: (k, v) => { try { v === null ? localStorage.removeItem(k) : localStorage.setItem(k, v); } catch {} },
  };
  const store = { get: (id) => ls.get(prefix + id), set: (id, on) => ls.set(prefix + id, on ? '1' : null) };
  // The runbook page folds each step's details into the pair's complete page (data-all): the
  // container utility is shown there, commands and all.
  const full = root.dataset.all;
  const utility = new URLSearchParams(location.search).get('utility');
  if (full && utility === 'container') { location.replace(full + location.search + location.hash); return; }
  // ?utility=container on the complete page: each step whose container form differs carries it in a <template>.
  if (utility === 'container') {
    for (const t of root.querySelectorAll('.steps>li>.more>template.container')) {
      const li = t.closest('li'), more = t.parentNode;
      for (const el of li.querySelectorAll(':scope>pre, :scope>.more>p:not(.done):not(.on)')) el.remove();
      const alt = t.content.cloneNode(true);
      more.before(...[...alt.children].filter((el) => el.tagName === 'PRE')); // :scope matches nothing in a fragment
      t.after(alt);
      const span = li.querySelector('[data-container-title]');
      if (span) span.textContent = span.dataset.containerTitle;
    }
  }
  const boxes = [...root.querySelectorAll('.steps>li>label>input')];
  const stepOf = (box) => box.closest('li');
  const shown = (el) => !el.closest('[hidden]');
  const sections = [...root.querySelectorAll('.sec')].filter((s) => s.querySelector('.steps'));
  // Per-section counts, under the section's intro and in the contents (empty without JavaScript, so not in the HTML).
  for (const s of sections) {
    const p = document.createElement('p');
    p.className = 'prog'; p.setAttribute('aria-live', 'polite');
    s.querySelector(':scope>h2+p').after(p);
    const n = document.createElement('span');
    n.className = 'n'; n.dataset.of = s.id;
    root.querySelector(`.toc a[href="#${s.id}"]`).after(' ', n);
  }
  for (const b of boxes) b.checked = store.get(stepOf(b).id) === '1';
  $('keep').textContent = 'Ticks are kept in this browser only (not on a server); print the page for the change record.';

  const nextBox = () => boxes.find((b) => !b.checked && shown(b));
  const bar = $('bar'), count = $('count'), meter = $('meter'), next = $('next');
  const progress = () => {
    let done = 0, all = 0, hiddenDone = 0;
    for (const s of sections) {
      const mine = [...s.querySelectorAll('.steps>li>label>input')];
      const vis = mine.filter(shown);
      const d = vis.filter((b) => b.checked).length;
      hiddenDone += mine.filter((b) => b.checked && !shown(b)).length;
      done += d; all += vis.length;
      const text = `${d} of ${vis.length} steps done`;
      const p = s.querySelector('.prog');
      if (p.textContent !== text) p.textContent = text;
      const n = root.querySelector(`.toc [data-of="${s.id}"]`);
      n.textContent = `${d}/${vis.length}`;
      n.parentNode.classList.toggle('complete', d === vis.length);
    }
    count.textContent = `${done}/${all}${hiddenDone ? ` (+${hiddenDone} ticked, hidden by the filter)` : ''}`;
    meter.max = all; meter.value = done;
    next.disabled = !nextBox();
    const total = boxes.filter((b) => b.checked).length;
    // What the home page lists as in progress.
    ls.set(`leapfrog-progress:${pair}`, total ? JSON.stringify({ title: root.dataset.title, done: total, total: boxes.length, at: Date.now() }) : null);
  };
  const barHeight = () => document.documentElement.style.setProperty('--bar', `${bar.offsetHeight}px`);
  addEventListener('resize', barHeight);
  const go = (box) => {
    barHeight();
    const li = stepOf(box);
    li.scrollIntoView({ block: 'start' });
    box.focus({ preventScroll: true });
    history.replaceState(null, '', `#${li.id}`);
  };
  next.addEventListener('click', () => { const b = nextBox(); if (b) go(b); });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'n' || e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input:not([type=checkbox]),textarea,select')) return;
    const b = nextBox();
    if (b) { e.preventDefault(); go(b); }
  });

  // Where you are: the last heading above the bar, shown in the bar and highlighted in the contents.
  const heads = [...root.querySelectorAll('.rb>section>h2,h3:has(+.steps)')];
  const links = new Map([...root.querySelectorAll('.toc a')].map((a) => [a.hash.slice(1), a]));
  let ticking = false;
  const where = () => {
    ticking = false;
    const y = bar.getBoundingClientRect().bottom + 8;
    let sec, grp;
    for (const h of heads) {
      if (!shown(h)) continue;
      if (h.getBoundingClientRect().top > y) break;
      if (h.tagName === 'H2') { sec = h; grp = undefined; } else grp = h;
    }
    const text = sec ? sec.textContent + (grp ? ` › ${grp.textContent}` : '') : '';
    if ($('where').textContent !== text) $('where').textContent = text;
    for (const a of links.values()) a.removeAttribute('aria-current');
    const a = sec && links.get(sec.parentNode.id);
    if (a) a.setAttribute('aria-current', 'location');
  };
  addEventListener('scroll', () => { if (!ticking) { ticking = true; requestAnimationFrame(where); } }, { passive: true });

  root.addEventListener('change', (e) => {
    const t = e.target;
    if (t.matches('.steps input')) { store.set(stepOf(t).id, t.checked); progress(); }
    else if (t.name === 'services') {
      // Unticking the last service would show nothing: keep it, and say why.
      if (!selected().length) t.checked = true;
      note.textContent = 'At least one service stays shown: use "only" to switch to another.';
      note.hidden = t.checked === false || selected().length > 1;
      filter(selected(), true);
    }
    else if (t.id === 'fold') { root.classList.toggle('fold', t.checked); ls.set('leapfrog-fold', t.checked ? null : 'off'); }
  });
  const fold = $('fold');
  fold.checked = ls.get('leapfrog-fold') !== 'off';
  root.classList.toggle('fold', fold.checked);

  // Service filter.
  const form = $('filter');
  const checks = [...form.querySelectorAll('input[name=services]')];
  const all = checks.map((c) => c.value);
  const selected = () => checks.filter((c) => c.checked).map((c) => c.value);
  const note = $('filter-note');
  const filter = (want, push) => {
    const on = new Set(want.length ? want : all);
    for (const c of checks) c.checked = on.has(c.value);
    for (const el of root.querySelectorAll('[data-svc]')) el.hidden = !el.dataset.svc.split(' ').some((s) => on.has(s));
    $('svc-names').textContent = checks.filter((c) => c.checked).map((c) => c.parentNode.textContent.trim()).join(', ');
    if (push) {
      const url = new URL(location.href);
      if (on.size === all.length) url.searchParams.delete('services'); else url.searchParams.set('services', [...on].join(','));
      history.replaceState(null, '', url.search ? `${url.pathname}${url.search.replace(/%2C/g, ',')}${url.hash}` : `${url.pathname}${url.hash}`);
    }
    progress();
    where();
  };
  form.addEventListener('click', (e) => {
    const b = e.target.closest('.only');
    if (b) { note.hidden = true; filter([b.value], true); }
  });
  const asked = new URLSearchParams(location.search).getAll('services').flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
  const unknown = asked.filter((v) => !all.includes(v));
  if (unknown.length) {
    note.textContent = `Not a service of this runbook: ${unknown.join(', ')}. ${asked.length > unknown.length ? 'Showing the others.' : 'Showing every service.'} Known: ${all.join(', ')}.`;
    note.hidden = false;
  }
  filter(asked.filter((v) => all.includes(v)), false);
  form.hidden = false;
  bar.hidden = false;
  barHeight();

  $('reset').addEventListener('click', () => {
    const mine = boxes.filter((b) => b.checked && shown(b));
    const hidden = boxes.filter((b) => b.checked && !shown(b)).length;
    if (!confirm(`Clear the ${mine.length} ticks shown?${hidden ? ` The ${hidden} ticks of hidden services stay.` : ''}`)) return;
    for (const b of mine) { b.checked = false; store.set(stepOf(b).id, false); }
    progress();
    $('status').textContent = `${mine.length} ticks cleared${hidden ? `; ${hidden} hidden ticks kept` : ''}.`;
  });
  // On the runbook page the folded details are fetched first (runbook-more.js).
  $('print').addEventListener('click', () => { const all = window.leapfrogComplete; const go = () => print(); all ? all().then(go, go) : go(); });

  // Resume where you left off, unless the address already points somewhere.
  const first = nextBox();
  const ticked = boxes.some((b) => b.checked);
  if (ticked && first && !location.hash) {
    const r = $('resume');
    const id = stepOf(first).id;
    r.append(`You have ticked ${boxes.filter((b) => b.checked).length} of ${boxes.length} steps in this browser. `);
    const go1 = document.createElement('button');
    go1.type = 'button'; go1.id = 'resume-go'; go1.textContent = `Resume at ${id}`;
    const no = document.createElement('button');
    no.type = 'button'; no.textContent = 'Dismiss';
    r.append(go1, ' ', no);
    r.hidden = false;
    go1.addEventListener('click', () => { r.hidden = true; go(first); });
    no.addEventListener('click', () => { r.hidden = true; });
  }

  // Copy buttons, for the generated commands only: code in a community note is unvetted text.
  root.classList.add('ids');
  for (const li of root.querySelectorAll('.steps>li')) {
    // The step id links to the step, to share a place in the runbook.
    // The runbook page writes the id once, as the li's id (CSS shows it until this link replaces it).
    const label = li.querySelector(':scope>label');
    let code = root.dataset.all ? null : label.querySelector(':scope>code');
    const a = document.createElement('a');
    a.className = 'sid'; a.href = `#${li.id}`; a.tabIndex = -1;
    if (code) code.replaceWith(a);
    else { code = document.createElement('code'); code.textContent = li.id; label.querySelector('input').after(' ', a); }
    a.append(code);
    const pres = [...li.querySelectorAll(':scope>pre')];
    pres.forEach((pre, i) => {
      // Before its command, floated into the command's corner: no wrapper element per command.
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'copy';
      b.textContent = 'Copy';
      b.setAttribute('aria-label', `Copy command ${pres.length > 1 ? `${i + 1} ` : ''}of ${li.id}`);
      pre.before(b);
    });
  }
  const fallback = (text) => {
    const ta = document.createElement('textarea');
    ta.value = text; ta.setAttribute('readonly', ''); ta.style.position = 'fixed'; ta.style.opacity = '0';
    document.body.append(ta); ta.select();
    try { document.execCommand('copy'); } finally { ta.remove(); }
  };
  root.addEventListener('click', async (e) => {
    const b = e.target.closest('.copy');
    if (b) {
      const text = b.nextElementSibling.textContent;
      try { await navigator.clipboard.writeText(text); } catch { fallback(text); }
      b.textContent = 'Copied';
      $('status').textContent = `Copied: ${b.getAttribute('aria-label').replace(/^Copy /, '')}`;
      setTimeout(() => { b.textContent = 'Copy'; }, 1500);
      return;
    }
    // A citation: the source list says which steps cite it, with a way back.
    const ref = e.target.closest('a[href^="#r"]');
    if (ref) backLinks(ref.hash.slice(1));
  });
  // A step's sources are "[12] [13]" in the page; opened, they become links.
  const linkRefs = (d) => {
    if (d.dataset.linked) return;
    d.dataset.linked = '1';
    const text = [...d.childNodes].filter((n) => n.nodeType === 3);
    for (const t of text) {
      const parts = t.textContent.split(/(\[\d+\])/);
      t.replaceWith(...parts.map((s) => {
        const m = /^\[(\d+)\]$/.exec(s);
        if (!m) return s;
        const a = document.createElement('a');
        a.href = `#r${m[1]}`; a.textContent = s;
        return a;
      }));
    }
  };
  root.addEventListener('toggle', (e) => { if (e.target.matches('details.src')) linkRefs(e.target); }, true);
  const backLinks = (id) => {
    const li = $(id);
    if (!li || li.querySelector('.back')) return;
    for (const d of root.querySelectorAll('details.src')) if (d.textContent.includes(`[${id.slice(1)}]`)) linkRefs(d);
    const p = document.createElement('span');
    p.className = 'back';
    p.append(' Cited by: ');
    for (const a of root.querySelectorAll(`a[href="#${id}"]`)) {
      const from = a.closest('li[id],tr[id]');
      if (!from || from === li) continue;
      const back = document.createElement('a');
      back.href = `#${from.id}`;
      back.textContent = from.id;
      p.append(back, ' ');
    }
    li.append(p);
  };
  const cited = () => { if (/^#r\d+$/.test(location.hash)) backLinks(location.hash.slice(1)); };
  addEventListener('hashchange', cited);
  cited();

  // Print: every disclosure open, and the header of every page names the runbook (CSS margin boxes).
  addEventListener('beforeprint', () => { for (const d of root.querySelectorAll('details')) d.open = true; });
  const q = (s) => `"${s.replace(/["\\]/g, '\\$&')}"`;
  try {
    const sheet = [...document.styleSheets].find((s) => s.href && s.href.endsWith('site.css'));
    sheet.insertRule(`@page{@top-left{content:${q(`${root.dataset.title} · runbook ${root.dataset.version}${root.dataset.built ? ` (${root.dataset.built})` : ''}`)}}}`, sheet.cssRules.length);
  } catch {}

  // The header search box: a step id of this runbook goes straight to the step.
  const find = $('find');
  if (find) find.form.addEventListener('submit', (e) => {
    const li = $(find.value.trim());
    if (li && li.matches('.steps>li')) { e.preventDefault(); go(li.querySelector('input')); }
  });

  progress();
  where();
})();
