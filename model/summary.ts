// One line per report: what list pages, charts and the overview need, without the full report.
// The site's content collection holds these, so its data store stays small at 100k reports.
import { z } from 'zod';
import { level, type Report } from './report.ts';

export const figures = z.object({
  received: z.number().nullable(),
  carriedOver: z.number().nullable(),
  /** （一）予以公开 */
  granted: z.number().nullable(),
  /** （二）部分公开 */
  partlyGranted: z.number().nullable(),
  /** Σ（三）不予公开 1–8 */
  withheld: z.number().nullable(),
  /** Σ（四）无法提供 1–3 */
  unavailable: z.number().nullable(),
  /** Σ（五）不予处理 1–5 */
  rejected: z.number().nullable(),
  /** （六）其他处理 (2019 one row, 2021 Σ 1–3) */
  otherHandling: z.number().nullable(),
  resultsTotal: z.number().nullable(),
  carriedForward: z.number().nullable(),
  naturalPerson: z.number().nullable(),
  /** Σ the five 法人或其他组织 columns of row 一 */
  organisations: z.number().nullable(),
  review: z.number().nullable(),
  litigationDirect: z.number().nullable(),
  litigationAfterReview: z.number().nullable(),
});
export type Figures = z.infer<typeof figures>;

export const summary = z.object({
  id: z.string(),
  agencyId: z.string(),
  agency: z.string(),
  year: z.number(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  level,
  region: z.string().nullable(),
  parent: z.string().nullable(),
  template: z.enum(['2019', '2021']).nullable(),
  format: z.string(),
  file: z.string(),
  inferred: z.boolean(),
  failed: z.number(),
  undecided: z.number(),
  warnings: z.number(),
  figures,
});
export type Summary = z.infer<typeof summary>;

/** Sum of numbers, or null when any part is blank: a blank is never read as 0. */
export const sumOrNull = (values: (number | null | undefined)[]): number | null =>
  values.every((v) => typeof v === 'number') ? (values as number[]).reduce((a, b) => a + b, 0) : null;

export function summarize(r: Report): Summary {
  const a = r.applications;
  const total = (key: string) => a[key]?.total ?? null;
  const totals = (prefix: string) =>
    sumOrNull(
      Object.keys(a)
        .filter((k) => k.startsWith(prefix))
        .map(total),
    );
  const received = a.received;
  return {
    id: r.id,
    agencyId: r.agencyId,
    agency: r.agency,
    year: r.year,
    title: r.title,
    published: r.published,
    level: r.level,
    region: r.region,
    parent: r.parent,
    template: r.template,
    format: r.format,
    file: r.file,
    inferred: r.inferred,
    failed: r.checks.filter((c) => c.ok === false).length,
    undecided: r.checks.filter((c) => c.ok === null).length,
    warnings: r.warnings.length,
    figures: {
      received: total('received'),
      carriedOver: total('carriedOver'),
      granted: total('granted'),
      partlyGranted: total('partlyGranted'),
      withheld: totals('withheld'),
      unavailable: totals('unavailable'),
      rejected: totals('rejected'),
      otherHandling: totals('other'),
      resultsTotal: total('resultsTotal'),
      carriedForward: total('carriedForward'),
      naturalPerson: received?.naturalPerson ?? null,
      organisations: received ? sumOrNull([received.business, received.research, received.nonprofit, received.legalService, received.otherOrg]) : null,
      review: r.review.total,
      litigationDirect: r.litigationDirect.total,
      litigationAfterReview: r.litigationAfterReview.total,
    },
  };
}
