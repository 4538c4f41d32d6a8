// Filters for a long table: a form[data-filter-for=<table id>] whose fields are named after the rows'
// data-* attributes. A select matches one of the attribute's space-separated tokens; a search box matches
// part of its text. The choice lives in the URL, so a link reproduces it. A table that ships only its
// first rows fetches the rest when a filter is first used (./all-rows.ts).
import { allRows } from './all-rows.ts';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-filter-for]')) {
  const table = document.getElementById(form.dataset.filterFor!) as HTMLTableElement;
  const count = form.querySelector<HTMLElement>('[data-filter-count]');
  const fields = [...form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input[type="search"]')];
  const params = new URLSearchParams(location.search);
  for (const f of fields) f.value = params.get(f.name) ?? '';
  let all = !table.dataset.rows;

  const matches = (row: HTMLTableRowElement, f: HTMLSelectElement | HTMLInputElement) => {
    const value = f.value.trim();
    const data = row.dataset[f.name] ?? '';
    return !value || (f instanceof HTMLSelectElement ? data.split(' ').includes(value) : data.includes(value));
  };

  const apply = async () => {
    const query = new URLSearchParams(fields.filter((f) => f.value.trim()).map((f) => [f.name, f.value.trim()]));
    history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
    if (!all && query.size === 0) return;
    if (!all) {
      if (count) count.textContent = '正在载入全部行…';
      await allRows(table);
      all = true;
    }
    let shown = 0;
    for (const row of table.tBodies[0]!.rows) {
      const match = fields.every((f) => matches(row, f));
      row.hidden = !match;
      if (match) shown++;
    }
    if (count) count.textContent = `显示 ${shown} 条，共 ${table.tBodies[0]!.rows.length} 条`;
  };
  form.addEventListener('change', () => void apply());
  form.addEventListener('input', (e) => {
    if (e.target instanceof HTMLInputElement) void apply();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void apply();
  });
  form.hidden = false;
  void apply();
}
