// A wide table scrolls sideways inside its frame (.table-wrap). The frame says so when it does
// (data-scrolls: a hint and a shadow at the right edge, site.css), and the row labels stay in view: each
// label cell sticks where it stands, so table 三's merged group labels and row labels stay side by side.
const LABELS = [
  'tbody th[scope="row"]',
  'tbody th[scope="rowgroup"]',
  'tbody tr > th:first-child',
  // The corners over the labels: table 三's note, a list's first header.
  'thead td.note',
  'table.data thead tr > :first-child',
].join(', ');

function fit(wrap: HTMLElement): void {
  const table = wrap.querySelector('table');
  if (!table) return;
  const labels = [...table.querySelectorAll<HTMLElement>(LABELS)];
  table.removeAttribute('data-sticky');
  for (const cell of labels) cell.style.left = '';
  const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
  wrap.toggleAttribute('data-scrolls', scrolls);
  if (!scrolls) return;
  // Measured before sticking, at the cells' own places; offsetLeft is relative to the table.
  const at = labels.map((cell) => cell.offsetLeft);
  labels.forEach((cell, i) => (cell.style.left = `${at[i]}px`));
  table.setAttribute('data-sticky', '');
}

const resized = new ResizeObserver((entries) => entries.forEach((e) => fit(e.target as HTMLElement)));

/** Watches a frame's width (the compare page adds its frames after loading). */
export function watchTableWrap(wrap: HTMLElement): void {
  resized.observe(wrap);
}

for (const wrap of document.querySelectorAll<HTMLElement>('.table-wrap')) watchTableWrap(wrap);
