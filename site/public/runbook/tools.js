// The page's controls that only work with JavaScript, made here rather than served hidden (3 KB of
// kilo→newton's HTML): the sticky bar, the resume offer, and the tools form (service filter, reset,
// print, fold, and the status region that announces a copy).
import { h, root } from './common.js';

export function tools() {
  const button = (id, text, attrs = {}) => h('button', { type: 'button', id, textContent: text }, attrs);
  const bar = h(
    'div',
    { id: 'bar', className: 'bar', hidden: true },
    {},
    h('b', { textContent: root.dataset.title }),
    ' ',
    h('span', { id: 'where' }),
    ' ',
    h('span', { id: 'count' }, { 'aria-live': 'off' }),
    ' ',
    h('progress', { id: 'meter', value: 0 }, { 'aria-label': 'Steps done' }),
    ' ',
    button('next', 'Next unticked', { 'aria-keyshortcuts': 'n', title: 'Next unticked step (key n)' }),
  );
  root.querySelector('.rb').prepend(bar);
  const resume = h('div', { id: 'resume', className: 'resume', hidden: true }, { role: 'region', 'aria-label': 'Resume' });
  const fold = h('input', { type: 'checkbox', id: 'fold', checked: true });
  const form = h(
    'form',
    { id: 'filter', className: 'tools' },
    {},
    h('fieldset', {}, {}, h('legend', { textContent: 'Show services' })),
    h('p', { id: 'filter-note', className: 'warn', hidden: true }),
    h(
      'p',
      {},
      {},
      button('reset', 'Reset shown ticks'),
      ' ',
      button('print', 'Print checklist'),
      ' ',
      h('label', {}, {}, fold, ' Fold ticked steps'),
      ' ',
      h('span', { id: 'status' }, { role: 'status' }),
    ),
  );
  root.querySelector('.utility').before(resume);
  root.querySelector('.utility').after(form);
}
