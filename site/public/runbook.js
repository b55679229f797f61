// Leapfrog runbook page, with JavaScript: ticks kept in localStorage (key: pair and step id), where
// you are, the service filter, a step's controls, its folded details, printing. The page reads and
// prints without it. One concern per module in ./runbook/; the site build bundles them into this file.
import { root } from './runbook/common.js';
import { initControls } from './runbook/controls.js';
import { initFilter } from './runbook/filter.js';
import { initMore } from './runbook/more.js';
import { initPlace, progress, showPlace, where } from './runbook/place.js';
import { initPrint } from './runbook/print.js';
import { initSources } from './runbook/sources.js';
import { tools } from './runbook/tools.js';
import { utility } from './runbook/utility.js';

if (root && utility()) {
  tools();
  initMore();
  initPlace();
  initFilter();
  showPlace();
  initControls();
  initSources();
  initPrint();
  progress();
  where();
}
