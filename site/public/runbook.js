// Leapfrog runbook page: ticks kept in localStorage (key: pair and step id), progress per section,
// reset, service filter in the URL (?services=a,b) and a copy button per command. The page reads
// and prints without it.
(() => {
  const root = document.querySelector('[data-pair]');
  if (!root) return;
  const prefix = `leapfrog:${root.dataset.pair}:`;
  const store = {
    get: (k) => { try { return localStorage.getItem(prefix + k); } catch { return null; } },
    set: (k, v) => { try { v ? localStorage.setItem(prefix + k, '1') : localStorage.removeItem(prefix + k); } catch {} },
  };
  // ?utility=container: each step whose container form differs carries it in a <template>.
  if (new URLSearchParams(location.search).get('utility') === 'container') {
    for (const t of root.querySelectorAll('.steps>li>template.container')) {
      const li = t.parentNode;
      for (const el of li.querySelectorAll(':scope>pre, :scope>p:not(.done):not(.src)')) el.remove();
      t.after(t.content.cloneNode(true));
      const span = li.querySelector('[data-container-title]');
      if (span) span.textContent = span.dataset.containerTitle;
    }
  }
  const boxes = [...root.querySelectorAll('.steps>li>label>input')];
  const stepOf = (box) => box.closest('li');
  const sections = [...root.querySelectorAll('.sec')].filter((s) => s.querySelector('.steps'));
  const progress = () => {
    for (const s of sections) {
      const shown = [...s.querySelectorAll('.steps>li:not([hidden])>label>input')].filter((b) => !b.closest('[hidden]'));
      const done = shown.filter((b) => b.checked).length;
      const text = `${done} of ${shown.length} steps done`;
      const p = s.querySelector('.prog');
      if (p.textContent !== text) p.textContent = text;
    }
  };
  for (const b of boxes) b.checked = store.get(stepOf(b).id) === '1';
  root.addEventListener('change', (e) => {
    const t = e.target;
    if (t.matches('.steps input')) { store.set(stepOf(t).id, t.checked); progress(); }
    else if (t.name === 'services') { filter(selected(), true); }
  });

  // Service filter.
  const form = document.getElementById('filter');
  const checks = [...form.querySelectorAll('input[name=services]')];
  const all = checks.map((c) => c.value);
  const selected = () => checks.filter((c) => c.checked).map((c) => c.value);
  const names = document.getElementById('svc-names');
  const filter = (want, push) => {
    const on = new Set(want.length ? want : all);
    for (const c of checks) c.checked = on.has(c.value);
    for (const el of root.querySelectorAll('[data-svc]')) el.hidden = !el.dataset.svc.split(' ').some((s) => on.has(s));
    names.textContent = checks.filter((c) => c.checked).map((c) => c.parentNode.textContent.trim()).join(', ');
    if (push) {
      const url = new URL(location.href);
      if (on.size === all.length) url.searchParams.delete('services'); else url.searchParams.set('services', [...on].join(','));
      history.replaceState(null, '', url.search ? `${url.pathname}${url.search.replace(/%2C/g, ',')}${url.hash}` : `${url.pathname}${url.hash}`);
    }
    progress();
  };
  const fromUrl = new URLSearchParams(location.search).getAll('services').flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter((v) => all.includes(v));
  filter(fromUrl, false);
  form.hidden = false;

  document.getElementById('reset').addEventListener('click', () => {
    if (!confirm('Clear every tick on this runbook?')) return;
    for (const b of boxes) { b.checked = false; store.set(stepOf(b).id, false); }
    progress();
    document.getElementById('status').textContent = 'All ticks cleared.';
  });
  document.getElementById('print').addEventListener('click', () => print());

  // Copy buttons, for the generated commands only: code in a community note is unvetted text.
  for (const pre of root.querySelectorAll('.steps pre')) {
    if (pre.closest('.note')) continue;
    const wrap = document.createElement('div');
    wrap.className = 'cmd';
    pre.replaceWith(wrap);
    wrap.append(pre);
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'copy';
    b.textContent = 'Copy';
    b.setAttribute('aria-label', 'Copy command');
    wrap.append(b);
  }
  const fallback = (text) => {
    const ta = document.createElement('textarea');
    ta.value = text; ta.setAttribute('readonly', ''); ta.style.position = 'fixed'; ta.style.opacity = '0';
    document.body.append(ta); ta.select();
    try { document.execCommand('copy'); } finally { ta.remove(); }
  };
  root.addEventListener('click', async (e) => {
    const b = e.target.closest('.copy');
    if (!b) return;
    const text = b.previousElementSibling.textContent;
    try { await navigator.clipboard.writeText(text); } catch { fallback(text); }
    b.textContent = 'Copied';
    setTimeout(() => { b.textContent = 'Copy'; }, 1500);
  });
})();
