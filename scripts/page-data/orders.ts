// The orders of the page data's lists and rankings, each total (ties broken by id), so that a list sorted in
// one data stage and the same list merged from the shards' sorted parts (merge-sorted.ts) are the same list.
import type { AgencyRow, QualityRow } from '../../model/page-data.ts';
import { LEVELS } from '../../model/report.ts';
import { STATUS_ORDER } from '../../model/notes.ts';
import type { Summary } from '../../model/summary.ts';
import type { Revision } from '../../model/revisions.ts';

// One collator for every comparison (a.localeCompare(b, 'zh-CN') builds one per call).
const collator = new Intl.Collator('zh-CN');
/** Chinese dictionary order, for names. */
const byChinese = (a: string, b: string) => collator.compare(a, b);
/** Plain code-unit order, for ids and codes: the same on every machine. */
export const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** R2 before R13. */
export const byRule = new Intl.Collator('en', { numeric: true }).compare;

/** The agency list (/agencies/): by name. */
export const agencyOrder = (a: AgencyRow, b: AgencyRow) => byChinese(a.name, b.name) || byCode(a.id, b.id);

/** A region's agencies: region by region (a province's codes are contiguous), then by level (governments first), then by name. */
export const regionOrder = (a: AgencyRow, b: AgencyRow) => byCode(a.place, b.place) || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || agencyOrder(a, b);

/** A year's ranking: most applications received first; blank and unknown last, then by name. */
export const rankingOrder = (a: Summary, b: Summary) =>
  (b.figures.received ?? -1) - (a.figures.received ?? -1) || byChinese(a.agency, b.agency) || byCode(a.id, b.id);

/** The quality list: what needs care first, newest year first, then by agency and rule. */
export const qualityOrder = (a: QualityRow, b: QualityRow) =>
  STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
  b.year - a.year ||
  byChinese(a.agency, b.agency) ||
  byRule(a.rule, b.rule) ||
  byCode(a.report, b.report) ||
  byCode(a.anchor, b.anchor);

/** Feeds: newest year first, then by publication date (undated last), then by name. */
export const newestOrder = (a: Summary, b: Summary) =>
  b.year - a.year || byCode(b.published ?? '', a.published ?? '') || byChinese(a.agency, b.agency) || byCode(a.id, b.id);

/** The home page's latest reports: by publication date, then the newer year. */
export const latestOrder = (a: Summary, b: Summary) =>
  byCode(b.published ?? '', a.published ?? '') || b.year - a.year || byChinese(a.agency, b.agency) || byCode(a.id, b.id);

/** Revisions: the newest date the portal saw a file change first. */
export const revisionOrder = (a: { summary: Summary; revision: Revision }, b: { summary: Summary; revision: Revision }) =>
  byCode(b.revision.date, a.revision.date) || newestOrder(a.summary, b.summary) || byCode(a.revision.sha256, b.revision.sha256);

/** Reports by agency name. */
export const nameOrder = (a: { agency: string; id: string }, b: { agency: string; id: string }) => byChinese(a.agency, b.agency) || byCode(a.id, b.id);

/** The first `n` of `items` in `order`, kept as items arrive (for the top of a ranking). */
export class Top<T> {
  readonly items: T[] = [];
  private readonly n: number;
  private readonly order: (a: T, b: T) => number;
  constructor(n: number, order: (a: T, b: T) => number) {
    this.n = n;
    this.order = order;
  }
  add(item: T): void {
    const items = this.items;
    if (items.length === this.n && this.order(item, items.at(-1)!) >= 0) return;
    let i = items.length;
    while (i > 0 && this.order(item, items[i - 1]!) < 0) i--;
    items.splice(i, 0, item);
    if (items.length > this.n) items.pop();
  }
}
