// Leapfrog runbook page: each step's hosts, notes, done-when and sources are folded into the pair's
// complete page (data-all). They are fetched from it when a step's Details open, a citation or a
// stop's reason is followed, and all of them before printing (the Print button, Ctrl+P, npm run pdf).
(() => {
  const root = document.querySelector('[data-all]');
  if (!root) return;
  const url = root.dataset.all;
  let doc, loading;
  const parse = (html) => { doc = new DOMParser().parseFromString(html, 'text/html'); return doc; };
  const load = () => (loading ??= fetch(url).then((r) => { if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`); return r.text(); }).then(parse));
  // Ctrl+P gives no time to wait: beforeprint reads the page synchronously when it is not here yet.
  const loadSync = () => {
    if (doc) return doc;
    const x = new XMLHttpRequest();
    x.open('GET', url, false);
    x.send();
    return x.status === 200 ? parse(x.responseText) : undefined;
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
    const ol = d.querySelector('#reasons>ol'), src = d.querySelector('#sources .sources');
    if (ol) root.querySelector('#reasons .nojs').replaceWith(document.adoptNode(ol));
    if (src) root.querySelector('#sources .sources').replaceWith(document.adoptNode(src));
    document.getElementById('sources-nojs')?.remove();
  };
  const everything = (d) => {
    if (!d || root.dataset.complete) return;
    lists(d);
    for (const li of root.querySelectorAll('.steps>li')) take(d, li);
    root.dataset.complete = '1';
  };
  const show = (li, open) => {
    li.classList.toggle('open', open);
    li.querySelector(':scope>.more-b')?.setAttribute('aria-expanded', String(open));
  };
  const status = (text) => { document.getElementById('status').textContent = text; };
  const fail = (e) => status(`Could not load the details (${e.message}): the complete page has them.`);

  for (const li of root.querySelectorAll('.steps>li')) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'more-b';
    b.textContent = 'Details';
    b.setAttribute('aria-expanded', 'false');
    b.setAttribute('aria-label', `Details of ${li.id}`);
    li.querySelector(':scope>label').after(b);
  }
  root.addEventListener('click', async (e) => {
    const b = e.target.closest('.more-b');
    const why = e.target.closest('.matrix a[href^="#why"]');
    const ref = e.target.closest('a[href^="#r"]');
    try {
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
    } catch (error) { fail(error); }
  });
  // A link to a step (#offline.stop.nova) opens its details.
  const target = async () => {
    const li = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!li?.matches('.steps>li')) return;
    try { take(await load(), li); show(li, true); } catch (error) { fail(error); }
  };
  addEventListener('hashchange', target);
  target();
  addEventListener('beforeprint', () => everything(loadSync()));
  // The Print button and npm run pdf wait for everything.
  window.leapfrogComplete = () => load().then(everything);
})();
