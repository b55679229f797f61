// Every page: the colour scheme (set before the page paints), the theme toggle, and the search
// shortcuts (/ or Ctrl+K focus the search box in the header, which works without JavaScript too).
(() => {
  const root = document.documentElement;
  const saved = (() => {
    try {
      return localStorage.getItem('leapfrog-theme');
    } catch {
      return null;
    }
  })();
  if (saved) root.dataset.theme = saved;
  const dark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches);
  document.addEventListener('DOMContentLoaded', () => {
    const b = document.getElementById('theme');
    if (b) {
      const label = () => {
        b.textContent = dark() ? 'Light' : 'Dark';
        b.setAttribute('aria-label', dark() ? 'Switch to light mode' : 'Switch to dark mode');
      };
      b.hidden = false;
      label();
      b.addEventListener('click', () => {
        root.dataset.theme = dark() ? 'light' : 'dark';
        try {
          localStorage.setItem('leapfrog-theme', root.dataset.theme);
        } catch {}
        label();
      });
    }
  });
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (t.closest?.('input,textarea,select,[contenteditable]')) return;
    if ((e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) || (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey))) {
      const f = document.getElementById('find');
      if (f) {
        e.preventDefault();
        f.focus();
      }
    }
  });
})();
