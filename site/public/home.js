// Home picker: goes straight to the runbook page (the pair table below works without it).
(() => {
  const form = document.getElementById('picker');
  if (!form) return;
  const base = document.documentElement.dataset.base || '/';
  const order = [...form.from.options].map((o) => o.value);
  const toOrder = [...form.to.options].map((o) => o.value);
  form.hidden = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const from = form.from.value, to = form.to.value;
    const all = [...new Set([...order, ...toOrder])];
    const err = document.getElementById('pick-error');
    if (all.indexOf(to) <= all.indexOf(from)) { err.textContent = 'Pick a target series after the one you run.'; form.to.focus(); return; }
    err.textContent = '';
    const services = [...form.querySelectorAll('input[name=services]:checked')].map((c) => c.value);
    location.href = `${base}runbooks/${from}/${to}/${services.length ? `?services=${services.join(',')}` : ''}`;
  });
})();
