// The page's controls that only work with JavaScript, made here rather than served hidden (3 KB of
// kilo→newton's HTML): the sticky bar, the resume offer, and the tools form (service filter, reset,
// print, fold, and the status region that announces a copy). Fixed markup; the title goes in as text.
import { root } from './common.js';

const BAR =
  '<div id=bar class=bar hidden><b></b> <span id=where></span> <span id=count aria-live=off></span> <progress id=meter value=0 aria-label="Steps done"></progress> <button type=button id=next aria-keyshortcuts=n title="Next unticked step (key n)">Next unticked</button></div>';
const RESUME = '<div id=resume class=resume role=region aria-label=Resume hidden></div>';
const TOOLS =
  '<form id=filter class=tools><fieldset><legend>Show services</legend></fieldset><p id=filter-note class=warn hidden></p><p><button type=button id=reset>Reset shown ticks</button> <button type=button id=print>Print checklist</button> <label><input type=checkbox id=fold checked> Fold ticked steps</label> <span id=status role=status></span></p></form>';

export function tools() {
  const rb = root.querySelector('.rb');
  rb.insertAdjacentHTML('afterbegin', BAR);
  rb.querySelector('#bar>b').textContent = root.dataset.title;
  const utility = root.querySelector('.utility');
  utility.insertAdjacentHTML('beforebegin', RESUME);
  utility.insertAdjacentHTML('afterend', TOOLS);
}
