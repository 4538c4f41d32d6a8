// The rows of the data-quality list (/quality/): every failed or undecidable check and every warning,
// failed checks and warnings first, newest year first.
import { byChinese, corpus, notesByReport } from '../data/site-data.ts';
import { escapeHtml } from './html.ts';
import { ruleLabel } from './rule-names.ts';
import { reportUrl } from './url.ts';

export type Status = 'failed' | 'warning' | 'undecided';
export const STATUS: Record<Status, string> = { failed: '⚠ 未通过', warning: '⚠ 疑点', undecided: '？ 无法判断' };
const ORDER: Status[] = ['failed', 'warning', 'undecided'];
const STATUS_OF = { fail: 'failed', undecided: 'undecided', warning: 'warning' } as const;
/** R2 before R13. */
export const byRule = new Intl.Collator('en', { numeric: true }).compare;

export interface QualityRow {
  rule: string;
  status: Status;
  year: number;
  agency: string;
  /** The finding on its report page. */
  url: string;
  message: string;
}

let rows: Promise<QualityRow[]> | undefined;
/** Once per build: the page and its JSON share it. From the data stage's notes, not the reports: the hub of a sharded build has only the former. */
export const qualityRows = () =>
  (rows ??= corpus().then(({ reports }) => {
    const list = reports.flatMap((s) =>
      (notesByReport().get(s.id) ?? []).map((n): QualityRow => ({
        rule: n.rule,
        status: STATUS_OF[n.result],
        year: s.year,
        agency: s.agency,
        url: `${reportUrl(s.id)}#${n.anchor}`,
        message: n.message,
      })),
    );
    return list.sort((x, y) => ORDER.indexOf(x.status) - ORDER.indexOf(y.status) || y.year - x.year || byChinese(x.agency, y.agency) || byRule(x.rule, y.rule));
  }));

/** One finding's <tr>: data-* for the filters. */
export const qualityRowHtml = (r: QualityRow) =>
  `<tr data-rule="${escapeHtml(r.rule)}" data-status="${r.status}" data-year="${r.year}" data-agency="${escapeHtml(r.agency)}">` +
  `<th scope="row"><a href="${escapeHtml(r.url)}">${escapeHtml(r.agency)} ${r.year}年</a></th>` +
  `<td class="text">${escapeHtml(ruleLabel(r.rule))}</td>` +
  `<td class="text"><span class="${r.status === 'undecided' ? 'status-undecided' : 'status-failed'}">${STATUS[r.status]}</span></td>` +
  `<td class="text">${escapeHtml(r.message)}</td></tr>`;
