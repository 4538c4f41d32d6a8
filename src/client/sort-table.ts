// Sortable columns for tables marked data-sortable: header cells with data-sort become buttons; cells
// carry their value in data-value (blank = empty, always sorted last). aria-sort tells the order. A table
// that ships only its first rows fetches the rest before its first sort (./all-rows.ts).
import { allRows } from './all-rows.ts';

const collator = new Intl.Collator('zh-CN');

export function makeSortable(table: HTMLTableElement): void {
  const body = table.tBodies[0]!;
  const headers = [...table.tHead!.rows[0]!.cells].filter((th) => th.dataset.sort);
  for (const th of headers) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', async () => {
      await allRows(table);
      const column = th.cellIndex;
      const descending = th.getAttribute('aria-sort') !== 'descending';
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const key = (row: HTMLTableRowElement) => row.cells[column]?.dataset.value ?? row.cells[column]?.textContent ?? '';
      const numeric = th.dataset.sort === 'num';
      const rows = [...body.rows].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
        const order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return descending ? -order : order;
      });
      body.append(...rows);
    });
  }
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) makeSortable(table);
