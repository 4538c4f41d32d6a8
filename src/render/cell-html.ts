// One table cell as HTML. A report page has about 230 cells, and an Astro component instance per cell
// was a quarter of the time of building the report pages (33 s → 25 s for 10,000, with the same HTML), so
// the tables render their cells with this function (<Fragment set:html={…} />).
import { FINDING_LABELS, type CellView, type Finding } from './cell-view.ts';
import { BLANK, num } from './format.ts';
import { attributes, escapeHtml } from './html.ts';

const explain = (f: Finding) => `${FINDING_LABELS[f.kind]} ${f.rule}：${f.message}`;

/**
 * Blank reads "—" with "空白" for screen readers and the printed text in a tooltip; a cell named by a
 * failed check or a cell warning carries a ⚠ link to its message (not colour alone).
 */
export function cellHtml(cell: CellView, colspan?: number): string {
  const blank = cell.value === null;
  const rawNote = cell.raw ? `原文：“${cell.raw}”` : '';
  const title = [blank ? '空白（原表未填数字）' : '', rawNote, ...cell.findings.map(explain)].filter(Boolean).join('。');
  const classes = [blank && 'blank', cell.findings.length > 0 && 'failed'].filter(Boolean).join(' ');
  const flags = cell.findings
    .map((f) => `<a class="flag" href="#${escapeHtml(f.anchor)}"><span aria-hidden="true">⚠</span><span class="sr-only">${escapeHtml(explain(f))}</span></a>`)
    .join('');
  const shown = blank
    ? `<span aria-hidden="true">${BLANK}</span><span class="sr-only">空白${escapeHtml(rawNote && `，${rawNote}`)}</span>`
    : `${num(cell.value)}${cell.raw ? `<span class="raw">（${escapeHtml(cell.raw)}）</span>` : ''}`;
  return `<td${attributes({ class: classes, colspan, title, 'data-cell': cell.path })}>${flags}${shown}</td>`;
}
