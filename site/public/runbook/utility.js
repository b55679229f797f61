// ?utility=container: the runbook page hands it to the complete page (data-all), where each step
// whose container form differs carries it in a <template> that is swapped in.
import { root } from './common.js';

/** False when the page is being left for the complete page. */
export function utility() {
  const full = root.dataset.all;
  const asked = new URLSearchParams(location.search).get('utility');
  if (full && asked === 'container') {
    location.replace(full + location.search + location.hash);
    return false;
  }
  if (asked !== 'container') return true;
  for (const t of root.querySelectorAll('.steps>li>.more>template.container')) {
    const li = t.closest('li');
    const more = t.parentNode;
    for (const el of li.querySelectorAll(':scope>pre, :scope>.more>p:not(.done):not(.on)')) el.remove();
    const alt = t.content.cloneNode(true);
    more.before(...[...alt.children].filter((el) => el.tagName === 'PRE')); // :scope matches nothing in a fragment
    t.after(alt);
    const span = li.querySelector('[data-container-title]');
    if (span) span.textContent = span.dataset.containerTitle;
  }
  return true;
}
