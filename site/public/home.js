// Home: the picker goes straight to the runbook page (the pair table below works without it), its
// To list offers only series after From, and the runbooks with ticks in this browser are listed.
(() => {
  const base = document.documentElement.dataset.base || '/';
  const list = document.getElementById('in-progress');
  if (list) {
    const rows = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (!k.startsWith('leapfrog-progress:')) continue;
        const v = JSON.parse(localStorage.getItem(k));
        if (v?.done) rows.push([k.slice(18), v]);
      }
    } catch {}
    rows.sort((a, b) => b[1].at - a[1].at);
    for (const [pair, v] of rows) {
      if (!/^[a-z0-9.-]+\/[a-z0-9.-]+$/.test(pair)) continue;
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `${base}runbooks/${pair}/`;
      a.textContent = String(v.title || pair);
      li.append(a, ` — ${Number(v.done)} of ${Number(v.total)} steps ticked, last on ${new Date(Number(v.at)).toLocaleString()}`);
      list.append(li);
    }
    if (rows.length) list.parentNode.hidden = false;
  }
  const form = document.getElementById('picker');
  if (!form) return;
  const order = [...form.from.options].map((o) => o.value);
  const toOrder = [...form.to.options].map((o) => o.value);
  const all = [...new Set([...order, ...toOrder])];
  const narrow = () => {
    const from = all.indexOf(form.from.value);
    for (const o of form.to.options) o.disabled = o.hidden = all.indexOf(o.value) <= from;
    if (form.to.selectedOptions[0]?.disabled) form.to.value = [...form.to.options].find((o) => !o.disabled)?.value ?? '';
  };
  form.from.addEventListener('change', narrow);
  narrow();
  form.hidden = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const from = form.from.value,
      to = form.to.value;
    const err = document.getElementById('pick-error');
    if (all.indexOf(to) <= all.indexOf(from)) {
      err.textContent = 'Pick a target series after the one you run.';
      form.to.focus();
      return;
    }
    err.textContent = '';
    const services = [...form.querySelectorAll('input[name=services]:checked')].map((c) => c.value);
    location.href = `${base}runbooks/${from}/${to}/${services.length ? `?services=${services.join(',')}` : ''}`;
  });
})();
