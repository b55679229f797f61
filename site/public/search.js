// Pagefind UI, served from this site (built with it): no third-party requests. ?q= (the search box
// in every page's header) starts the search.
(() => {
  const base = document.documentElement.dataset.base || '/';
  const s = document.createElement('script');
  s.src = `${base}pagefind/pagefind-ui.js`;
  s.onload = () => {
    const ui = new PagefindUI({ element: '#search', showSubResults: true, showImages: false, resetStyles: false, baseUrl: base });
    const q = new URLSearchParams(location.search).get('q');
    if (q) ui.triggerSearch(q);
  };
  document.head.append(s);
})();
