// The rows of the data-quality list (/quality/): every failed or undecidable check and every warning,
// failed checks and warnings first, newest year first.
import { byChinese, corpus, readReport } from '../data/site-data.ts';
import { checkAnchor, findingsOf } from './cell-view.ts';
import { escapeHtml } from './html.ts';
import { ruleLabel } from './rule-names.ts';
import { reportUrl } from './url.ts';

export type Status = 'failed' | 'warning' | 'undecided';
export const STATUS: Record<Status, string> = { failed: '⚠ 未通过', warning: '⚠ 疑点', undecided: '？ 无法判断' };
const ORDER: Status[] = ['failed', 'warning', 'undecided'];
/** R2 before R13. */
export const byRule = new Intl.Collator('en', { numeric: true }).compare;

export interface QualityRow {
  rule: string;
  status: Status;
  year: number;
  agencyId: string;
  agency: string;
  /** The finding on its report page. */
  url: string;
  message: string;
}

let rows: Promise<QualityRow[]> | undefined;
/** Once per build: the page and its JSON share it. */
export const qualityRows = () =>
  (rows ??= corpus().then(({ reports }) => {
    const list = reports
      .filter((s) => s.failed + s.undecided + s.warnings > 0)
      .flatMap((s) => {
        const r = readReport(s.id);
        const row = (status: Status, rule: string, anchor: string, message: string): QualityRow => ({
          rule,
          status,
          year: s.year,
          agencyId: s.agencyId,
          agency: s.agency,
          url: `${reportUrl(s.id)}#${anchor}`,
          message,
        });
        return [
          ...r.checks.flatMap((c, i) => (c.ok === true ? [] : [row(c.ok === false ? 'failed' : 'undecided', c.rule, checkAnchor(i), c.message)])),
          // R8 breaks between years arrive as warnings on the later report, with the other cell warnings.
          ...findingsOf(r)
            .filter((f) => f.kind === 'warning')
            .map((f) => row('warning', f.rule, f.anchor, f.message)),
          ...r.warnings.filter((w) => !w.cells?.length).map((w) => row('warning', w.code, 'main', w.message)),
        ];
      });
    return list.sort((x, y) => ORDER.indexOf(x.status) - ORDER.indexOf(y.status) || y.year - x.year || byChinese(x.agency, y.agency) || byRule(x.rule, y.rule));
  }));

/** One finding's <tr>: data-* for the filters. */
export const qualityRowHtml = (r: QualityRow) =>
  `<tr data-rule="${escapeHtml(r.rule)}" data-status="${r.status}" data-year="${r.year}" data-agency="${escapeHtml(r.agency)}">` +
  `<th scope="row"><a href="${escapeHtml(r.url)}">${escapeHtml(r.agency)} ${r.year}年</a></th>` +
  `<td class="text">${escapeHtml(ruleLabel(r.rule))}</td>` +
  `<td class="text"><span class="${r.status === 'undecided' ? 'status-undecided' : 'status-failed'}">${STATUS[r.status]}</span></td>` +
  `<td class="text">${escapeHtml(r.message)}</td></tr>`;
