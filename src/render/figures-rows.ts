// A report's key figures as one table row (FiguresTable.astro: an agency over the years, a year across
// agencies, whose ranking is a long table: src/render/long-table.ts).
import { figureGrade, type FigureKey, type Summary } from '../../model/summary.ts';
import { checkStatus, checkWords, type CheckCounts } from '../../model/marks.ts';
import { DISPUTES, OUTCOMES, SMALL_SAMPLE, disclosureRate, rateWithheld } from '../charts/key-figures.ts';
import { pct } from './format.ts';
import { escapeHtml } from './html.ts';
import { figureHtml } from './figure-html.ts';
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

/**
 * A key figure of a report in its state and with its mark: the number, 空白 (the report left a part blank),
 * 无法确定, ⚠ with what its parts add up to when the report contradicts it, dotted when the arithmetic cut it.
 */
export const figureCellHtml = (s: Summary, key: FigureKey) => {
  const v = s.figures[key];
  if (v === null) return s.unknownFigures.includes(key) ? UNKNOWN_CELL : BLANK_CELL;
  const grade = figureGrade(s, key);
  return `<td data-value="${v}"${grade === 'failed' ? ' class="failed" data-state="failed"' : ''}>${figureHtml(s, key)}</td>`;
};

/**
 * The failed checks of a report (or an agency's reports), never 0 for checks that could not be decided: ⚠ n
 * (and how many could not be decided), "n 项无法判断", 无法检查 when no check could be run, 0 when all passed.
 */
export const failedCellHtml = (c: CheckCounts) => {
  const status = checkStatus(c);
  const words = escapeHtml(checkWords(c));
  if (status === 'unchecked')
    return '<td data-value="" class="unknown" data-state="unknown" title="表格无法读取，未能检查"><span aria-hidden="true">？</span> 无法检查</td>';
  if (status === 'undecided')
    return `<td data-value="" data-state="undecided" title="未发现未通过的检查，但有 ${c.undecided} 项因单元格空白或无法确定而无法判断"><span class="status-undecided">？ ${words}</span></td>`;
  if (status === 'failed') return `<td data-value="${c.failed}"><span class="status-failed">${words}</span></td>`;
  return `<td data-value="0" title="全部通过">0</td>`;
};

/** One report's <tr>, labelled `label` and linking to the report; data-value on each sortable cell. */
export function figuresRowHtml(s: Summary, label: string): string {
  const rate = disclosureRate(s);
  const small = (s.figures.resultsTotal ?? 0) < SMALL_SAMPLE;
  const figures = FIGURE_COLUMNS.map((c) => figureCellHtml(s, c.key));
  const note = rate !== null && small ? `<span class="small-sample" title="办理结果不足 ${SMALL_SAMPLE} 件，比率波动大">（样本小）</span>` : '';
  const withheld = rateWithheld(s);
  return [
    `<tr><th scope="row"><a href="${escapeHtml(reportUrl(s.id))}">${escapeHtml(label)}</a></th>`,
    ...figures,
    withheld
      ? `<td data-value="" class="failed" title="${escapeHtml(withheld)}"><span class="status-failed">⚠ 不计算</span></td>`
      : `<td data-value="${rate ?? ''}">${pct(rate)}${note}</td>`,
    `${failedCellHtml(s)}</tr>`,
  ].join('');
}

/** A year's reports as its ranking lists them: most applications received first, blanks last. */
export const byReceived = (list: Summary[]) => [...list].sort((a, b) => (b.figures.received ?? -1) - (a.figures.received ?? -1));
