// A report's key figures as one table row (FiguresTable.astro: an agency over the years, a year across
// agencies, whose ranking is a long table: src/render/long-table.ts).
import type { Summary } from '../../model/summary.ts';
import { DISPUTES, OUTCOMES, SMALL_SAMPLE, disclosureRate } from '../charts/key-figures.ts';
import { num, pct } from './format.ts';
import { escapeHtml } from './html.ts';
import { reportUrl } from './url.ts';

export const FIGURE_COLUMNS = [
  { label: '新收申请', get: (s: Summary) => s.figures.received },
  { label: '上年结转', get: (s: Summary) => s.figures.carriedOver },
  ...OUTCOMES.map((o) => ({ label: o.label, get: (s: Summary) => s.figures[o.key] })),
  { label: '办理结果总计', get: (s: Summary) => s.figures.resultsTotal },
  { label: '结转下年度', get: (s: Summary) => s.figures.carriedForward },
  ...DISPUTES.map((d) => ({ label: d.label, get: (s: Summary) => s.figures[d.key] })),
];

const BLANK_CELL = '<td class="blank" data-value=""><span aria-hidden="true">—</span><span class="sr-only">空白</span></td>';

/** One report's <tr>, labelled `label` and linking to the report; data-value on each sortable cell. */
export function figuresRowHtml(s: Summary, label: string): string {
  const rate = disclosureRate(s.figures);
  const small = (s.figures.resultsTotal ?? 0) < SMALL_SAMPLE;
  const figures = FIGURE_COLUMNS.map((c) => {
    const v = c.get(s);
    return v === null ? BLANK_CELL : `<td data-value="${v}">${num(v)}</td>`;
  });
  const note = rate !== null && small ? `<span class="small-sample" title="办理结果不足 ${SMALL_SAMPLE} 件，比率波动大">（样本小）</span>` : '';
  return [
    `<tr><th scope="row"><a href="${escapeHtml(reportUrl(s.id))}">${escapeHtml(label)}</a></th>`,
    ...figures,
    `<td data-value="${rate ?? ''}">${pct(rate)}${note}</td>`,
    `<td data-value="${s.failed}">${s.failed > 0 ? `<span class="status-failed">⚠ ${s.failed}</span>` : '0'}</td></tr>`,
  ].join('');
}

/** A year's reports as its ranking lists them: most applications received first, blanks last. */
export const byReceived = (list: Summary[]) => [...list].sort((a, b) => (b.figures.received ?? -1) - (a.figures.received ?? -1));
