// A report's key figures as one table row (FiguresTable.astro: an agency over the years, a year across
// agencies, whose ranking is a long table: src/render/long-table.ts).
import type { FigureKey, Summary } from '../../model/summary.ts';
import { DISPUTES, OUTCOMES, SMALL_SAMPLE, disclosureRate } from '../charts/key-figures.ts';
import { num, pct } from './format.ts';
import { escapeHtml } from './html.ts';
import { reportUrl } from './url.ts';

export const FIGURE_COLUMNS: { label: string; key: FigureKey }[] = [
  { label: '新收申请', key: 'received' },
  { label: '上年结转', key: 'carriedOver' },
  ...OUTCOMES,
  { label: '办理结果总计', key: 'resultsTotal' },
  { label: '结转下年度', key: 'carriedForward' },
  ...DISPUTES,
];

const BLANK_CELL = '<td class="blank" data-value="" data-state="blank"><span aria-hidden="true">—</span><span class="sr-only">空白</span></td>';
const UNKNOWN_CELL =
  '<td class="unknown" data-value="" data-state="unknown" title="无法确定：所需单元格无法从原文确定，不是原表空白"><span aria-hidden="true">？</span><span class="sr-only">无法确定</span></td>';

/** A key figure of a report in its state: the number, 空白 (the report left a part blank) or 无法确定. */
export const figureCellHtml = (s: Summary, key: FigureKey) => {
  const v = s.figures[key];
  return v !== null ? `<td data-value="${v}">${num(v)}</td>` : s.unknownFigures.includes(key) ? UNKNOWN_CELL : BLANK_CELL;
};

/** The failed-check count, or 无法检查 when no check could be run (the tables could not be read). */
export const failedCellHtml = (checked: number, failed: number) =>
  checked === 0
    ? '<td data-value="" class="unknown" data-state="unknown" title="表格无法读取，未能检查"><span aria-hidden="true">？</span> 无法检查</td>'
    : `<td data-value="${failed}">${failed > 0 ? `<span class="status-failed">⚠ ${failed}</span>` : '0'}</td>`;

/** One report's <tr>, labelled `label` and linking to the report; data-value on each sortable cell. */
export function figuresRowHtml(s: Summary, label: string): string {
  const rate = disclosureRate(s.figures);
  const small = (s.figures.resultsTotal ?? 0) < SMALL_SAMPLE;
  const figures = FIGURE_COLUMNS.map((c) => figureCellHtml(s, c.key));
  const note = rate !== null && small ? `<span class="small-sample" title="办理结果不足 ${SMALL_SAMPLE} 件，比率波动大">（样本小）</span>` : '';
  return [
    `<tr><th scope="row"><a href="${escapeHtml(reportUrl(s.id))}">${escapeHtml(label)}</a></th>`,
    ...figures,
    `<td data-value="${rate ?? ''}">${pct(rate)}${note}</td>`,
    `${failedCellHtml(s.checked, s.failed)}</tr>`,
  ].join('');
}

/** A year's reports as its ranking lists them: most applications received first, blanks last. */
export const byReceived = (list: Summary[]) => [...list].sort((a, b) => (b.figures.received ?? -1) - (a.figures.received ?? -1));
