// The rows of the data-quality list (/quality/): every failed or undecidable check and every warning, graded
// as the marks grade them (model/notes.ts noteStatus), failed checks and warnings first, newest year first
// (the data stage sorts them: scripts/page-data/orders.ts).
import type { QualityRow, QualityStatus } from '../../model/page-data.ts';
import { escapeHtml } from './html.ts';
import { codeLabel } from '../../model/diagnostics.ts';
import { reportUrl } from './url.ts';

export type Status = QualityStatus;
export const STATUS: Record<Status, string> = { failed: '⚠ 未通过', warning: '⚠ 疑点', undecided: '？ 无法判断', unknown: '？ 无法确定', note: '· 说明' };

/** One finding's <tr>: data-* for the filters. */
export const qualityRowHtml = (r: QualityRow) =>
  `<tr data-rule="${escapeHtml(r.rule)}" data-status="${r.status}" data-year="${r.year}" data-agency="${escapeHtml(r.agency)}">` +
  `<th scope="row"><a href="${escapeHtml(`${reportUrl(r.report)}#${r.anchor}`)}">${escapeHtml(r.agency)} ${r.year}年</a></th>` +
  `<td class="text">${escapeHtml(codeLabel(r.rule))}</td>` +
  `<td class="text"><span class="${r.status === 'failed' || r.status === 'warning' ? 'status-failed' : r.status === 'note' ? 'small-sample' : 'status-undecided'}">${STATUS[r.status]}</span></td>` +
  `<td class="text">${escapeHtml(r.message)}</td></tr>`;
