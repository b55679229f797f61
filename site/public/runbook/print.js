// Printing (the Print button, Ctrl+P, the browser's menu, npm run pdf): everything folded is read in first, every disclosure opens, each step shows its id, and
// the header of every page names the runbook (CSS margin boxes; the pair is known only here).
import { $, root } from './common.js';
import { makeAll, tidy } from './controls.js';
import { complete, completeNow } from './more.js';

const q = (s) => `"${s.replace(/["\\]/g, '\\$&')}"`;

/** What the Print button and npm run pdf wait for (window.leapfrogComplete). */
const ready = () => complete().then(makeAll);

export function initPrint() {
  addEventListener('beforeprint', () => {
    completeNow();
    makeAll();
    for (const d of root.querySelectorAll('details')) d.open = true;
  });
  addEventListener('afterprint', tidy);
  const printAll = () => {
    const go = () => print();
    ready().then(go, go);
  };
  $('print').addEventListener('click', printAll);
  // Ctrl+P (Cmd+P) as the Print button: the details are fetched first, with time to wait.
  document.addEventListener('keydown', (e) => {
    if (e.key.toLowerCase() !== 'p' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    e.preventDefault();
    printAll();
  });
  window.leapfrogComplete = ready;
  const { title, version, built } = root.dataset;
  try {
    const sheet = [...document.styleSheets].find((s) => s.href?.endsWith('site.css'));
    sheet.insertRule(`@page{@top-left{content:${q(`${title} · runbook ${version}${built ? ` (${built})` : ''}`)}}}`, sheet.cssRules.length);
  } catch {}
}
