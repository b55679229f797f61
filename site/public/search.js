// Pagefind UI, served from this site (built with it): no third-party requests.
(() => {
  const base = document.documentElement.dataset.base || '/';
  const s = document.createElement('script');
  s.src = `${base}pagefind/pagefind-ui.js`;
  s.onload = () => new PagefindUI({ element: '#search', showSubResults: true, showImages: false, resetStyles: false });
  document.head.append(s);
})();
