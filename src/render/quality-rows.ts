// The rows of the data-quality list (/quality/): every failed or undecidable check and every warning,
// failed checks and warnings first, newest year first.
import { byChinese, corpus, notesByReport } from '../data/site-data.ts';
import { CONTRADICTIONS } from '../../model/marks.ts';
import type { Note } from '../../model/notes.ts';
import { escapeHtml } from './html.ts';
import { CANNOT_TELL_CODES, ruleLabel } from './rule-names.ts';
import { reportUrl } from './url.ts';

/**
 * A finding as the marks grade it (model/marks.ts): a failed check or a contradiction (R13, R8) is ⚠; a check
 * that could not be decided, or a warning that cells could not be told, is ？; any other warning (figures cut
 * by the arithmetic, tables in two formats, a date taken from the page) is a note, with no sign.
 */
export type Status = 'failed' | 'warning' | 'undecided' | 'unknown' | 'note';
export const STATUS: Record<Status, string> = { failed: '⚠ 未通过', warning: '⚠ 疑点', undecided: '？ 无法判断', unknown: '？ 无法确定', note: '· 说明' };
const ORDER: Status[] = ['failed', 'warning', 'undecided', 'unknown', 'note'];
const statusOf = (n: Pick<Note, 'result' | 'rule'>): Status =>
  n.result === 'fail'
    ? 'failed'
    : n.result === 'undecided'
      ? 'undecided'
      : CONTRADICTIONS.has(n.rule)
        ? 'warning'
        : CANNOT_TELL_CODES.has(n.rule)
          ? 'unknown'
          : 'note';

/** Reports with a contradiction besides their checks (R13, R8): what the pages call 疑点. */
export const doubtfulReports = () => [...notesByReport()].filter(([, notes]) => notes.some((n) => statusOf(n) === 'warning')).length;
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
        status: statusOf(n),
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
  `<td class="text"><span class="${r.status === 'failed' || r.status === 'warning' ? 'status-failed' : r.status === 'note' ? 'small-sample' : 'status-undecided'}">${STATUS[r.status]}</span></td>` +
  `<td class="text">${escapeHtml(r.message)}</td></tr>`;
