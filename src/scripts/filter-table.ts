// Filters for a long table: a form[data-filter-for=<table id>] whose selects are named after the rows'
// data-* attributes (space-separated tokens). The choice lives in the URL, so a link reproduces it.
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-filter-for]')) {
  const table = document.getElementById(form.dataset.filterFor!) as HTMLTableElement;
  const count = form.querySelector<HTMLElement>('[data-filter-count]');
  const selects = [...form.querySelectorAll('select')];
  const params = new URLSearchParams(location.search);
  for (const s of selects) s.value = params.get(s.name) ?? '';

  const apply = () => {
    let shown = 0;
    for (const row of table.tBodies[0]!.rows) {
      const match = selects.every((s) => !s.value || (row.dataset[s.name] ?? '').split(' ').includes(s.value));
      row.hidden = !match;
      if (match) shown++;
    }
    if (count) count.textContent = `显示 ${shown} 条，共 ${table.tBodies[0]!.rows.length} 条`;
    const query = new URLSearchParams(selects.filter((s) => s.value).map((s) => [s.name, s.value]));
    history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  form.hidden = false;
  apply();
}
