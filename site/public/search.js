// Pagefind UI, served from this site (built with it): no third-party requests. ?q= (the search box
// in every page's header) starts the search.
(() => {
  const base = document.documentElement.dataset.base || '/';
  // The query's words: what the box holds (?q= is put there too).
  const words = () => (document.querySelector('#search input')?.value ?? '').toLowerCase().split(/\s+/).map(bare).filter(Boolean);
  const bare = (w) => w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  // The query's words a result's part matched: Pagefind marks them in its excerpt, with punctuation,
  // and a word matches inside an id or a command too (`newton` in `prepare.utility.newton`).
  const matched = (sub, query) => {
    const marks = [...sub.excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => bare(m[1].toLowerCase()));
    return new Set(query.filter((q) => marks.some((m) => m === q || m.split(/[^a-z0-9]+/).includes(q))));
  };
  // A runbook's record has a part per step (scripts/search-records.ts). Its result opens the step
  // that matched a word the pair itself (the record's top) did not, the most such words and then
  // the most often: `offline.stop.nova` or `kilo newton offline.stop.nova` open the step, `kilo newton` the page.
  const processResult = (r) => {
    if (!r.url.includes('/runbooks/') || !r.sub_results?.length) return r;
    const query = words();
    const top = r.sub_results.find((x) => x.url === r.url);
    const pair = top ? matched(top, query) : new Set();
    const own = (sub) => [...matched(sub, query)].filter((w) => !pair.has(w)).length;
    const score = (sub) => own(sub) * 1e6 + sub.locations.length;
    const best = r.sub_results.filter((x) => x !== top && own(x)).reduce((a, x) => (!a || score(x) > score(a) ? x : a), undefined);
    if (!best) return r;
    r.meta = { ...r.meta, url: best.url, title: `${r.meta.title} › ${best.title}` };
    r.excerpt = best.excerpt;
    r.sub_results = [best, ...r.sub_results.filter((x) => x !== best)];
    return r;
  };
  const s = document.createElement('script');
  s.src = `${base}pagefind/pagefind-ui.js`;
  s.onload = () => {
    const ui = new PagefindUI({ element: '#search', showSubResults: true, showImages: false, resetStyles: false, baseUrl: base, processResult });
    const q = new URLSearchParams(location.search).get('q');
    if (q) ui.triggerSearch(q);
  };
  document.head.append(s);
})();
