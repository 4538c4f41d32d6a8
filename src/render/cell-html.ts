// One table cell as HTML. A report page has about 230 cells, and an Astro component instance per cell
// was a quarter of the time of building the report pages (33 s → 25 s for 10,000, with the same HTML), so
// the tables render their cells with this function (src/render/official-tables.ts).
import { UNKNOWN_REASONS } from '../../model/cell-states.ts';
import { MARKS, partsNote } from '../../model/marks.ts';
import { FINDING_LABELS, cellAnchor, type CellView, type Finding } from './cell-view.ts';
import { BLANK, num } from './format.ts';
import { attributes, escapeHtml } from './html.ts';

const explain = (f: Finding) => `${FINDING_LABELS[f.kind]} ${f.rule}：${f.message}`;

/** The mark of a cell nianbao could not tell: never the blank's "—" (model/cell-states.ts). */
export const UNKNOWN_MARK = '？';

/**
 * The three states of a cell read apart: a number; a printed blank ("—" with 空白 for screen readers
 * and the printed text in a tooltip); and "cannot tell" ("？" with 无法确定 and the reason). A cell named
 * by a failed check or a contradiction carries a ⚠ link to its message (not colour alone); a cell the
 * arithmetic cut is underlined with dots and says so quietly; a cell whose row the 原文 page shows links there.
 */
export function cellHtml(cell: CellView, colspan?: number): string {
  if (cell.value !== null && !cell.unknown && !cell.raw && cell.grade === null && cell.parts.length === 0 && cell.findings.length === 0)
    return numberHtml(cell, colspan);
  const unknown = cell.unknown ? UNKNOWN_REASONS[cell.unknown] : undefined;
  const blank = cell.value === null && !unknown;
  const rawNote = cell.raw ? `原文：“${cell.raw}”` : '';
  const state = unknown ? `${unknown.label}：${unknown.explain}` : blank ? '空白（原表未填数字）' : '';
  const cut = cell.grade === 'cut' && !blank ? MARKS.cut.name : '';
  const parts = cell.parts.length ? `本格为原表总计，与各项之和不符${partsNote(cell.parts)}` : '';
  const title = [state, rawNote, cut && `${cut}：${MARKS.cut.explain}`, parts, ...cell.findings.map(explain)].filter(Boolean).join('。');
  const classes = [blank && 'blank', unknown && 'unknown', cell.findings.length > 0 && 'failed', cut && 'cut'].filter(Boolean).join(' ');
  const flags = cell.findings
    .map((f) => `<a class="flag" href="#${escapeHtml(f.anchor)}"><span aria-hidden="true">⚠</span><span class="sr-only">${escapeHtml(explain(f))}</span></a>`)
    .join('');
  const shown = unknown
    ? `<span aria-hidden="true">${UNKNOWN_MARK}</span><span class="sr-only">${escapeHtml(`${unknown.label}：${unknown.explain}`)}</span>`
    : blank
      ? `<span aria-hidden="true">${BLANK}</span><span class="sr-only">空白${escapeHtml(rawNote && `，${rawNote}`)}</span>`
      : `${num(cell.value)}${cell.raw ? `<span class="raw">（${escapeHtml(cell.raw)}）</span>` : ''}${cut ? `<span class="sr-only">（${cut}）</span>` : ''}`;
  const body = cell.source ? `<a class="src" href="${escapeHtml(cell.source)}">${shown}</a>` : shown;
  return `<td${attributes({ class: classes, colspan, title, 'data-cell': cell.path, 'data-state': unknown ? 'unknown' : blank ? 'blank' : 'number', id: cellAnchor(cell.path) })}>${flags}${body}</td>`;
}

/** Most cells: a number as printed, nothing to say about it; the same markup as above, without the work. */
function numberHtml(cell: CellView, colspan: number | undefined): string {
  const shown = num(cell.value);
  const body = cell.source ? `<a class="src" href="${escapeHtml(cell.source)}">${shown}</a>` : shown;
  return `<td${colspan ? ` colspan="${colspan}"` : ''} data-cell="${escapeHtml(cell.path)}" data-state="number" id="${escapeHtml(cellAnchor(cell.path))}">${body}</td>`;
}
