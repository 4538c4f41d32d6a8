// The compare page's charts and CSV, from the picked reports. Pure, so the browser script stays small
// and the numbers can be checked without one.
import { APPLICANTS, REVIEW_COLUMNS, REVIEW_PARTS } from '../../model/templates.ts';
// Only types from the model's schemas: zod must not reach the browser bundle.
import type { ApplicantRow, ReviewBlock } from '../../model/report.ts';
import type { CompareReport } from './compare-data.ts';
import { extremes, type ChartSpec } from '../charts/chart-spec.ts';
import { OUTCOMES } from '../charts/key-figures.ts';
import { num, pct, ratio } from '../render/format.ts';
import type { CsvValue } from '../../model/csv.ts';

export interface Picked {
  agency: string;
  report: CompareReport;
}

const APPLICANT_TYPES = APPLICANTS.filter((c) => c.key !== 'total');
const RESULTS = REVIEW_COLUMNS.filter((c) => REVIEW_PARTS.includes(c.key));
const label = (p: Picked) => `${p.agency} ${p.report.year}年`;
const share = (p: Picked, key: (typeof OUTCOMES)[number]['key']) => ratio(p.report.figures[key], p.report.figures.resultsTotal);
/** Row 一 (新收) of table 三, one applicant column. */
const applicants = (p: Picked, key: string) => p.report.received?.[key as keyof ApplicantRow] ?? null;
const review = (p: Picked, key: string) => p.report.review[key as keyof ReviewBlock];
/** Both 行政诉讼 blocks together (直接起诉 + 复议后起诉), blank when either is. */
const litigation = (p: Picked, key: string) => {
  const [a, b] = [p.report.litigationDirect, p.report.litigationAfterReview].map((block) => block[key as keyof ReviewBlock]);
  return a === null || b === null ? null : a! + b!;
};

export const SHARE_FORMULA = '占比 = 该项件数 ÷ 本报告办理结果总计（表三“（七）总计”）；总计为空白或 0 时不计算。';

export function compareCharts(picked: Picked[]): ChartSpec[] {
  const labels = picked.map(label);
  return [
    {
      title: '新收申请，按申请人类型（件）',
      summary: `新收申请总数${extremes(
        labels,
        picked.map((p) => applicants(p, 'total')),
        num,
      )}。`,
      labels: APPLICANT_TYPES.map((c) => c.label),
      series: picked.map((p) => ({ label: label(p), values: APPLICANT_TYPES.map((c) => applicants(p, c.key)) })),
    },
    {
      title: '办理结果（件）',
      summary: `办理结果总计${extremes(
        labels,
        picked.map((p) => p.report.figures.resultsTotal),
        num,
      )}。`,
      labels: OUTCOMES.map((o) => o.label),
      series: picked.map((p) => ({ label: label(p), values: OUTCOMES.map((o) => p.report.figures[o.key]) })),
    },
    {
      title: '办理结果占比',
      summary: `予以公开的占比${extremes(
        labels,
        picked.map((p) => share(p, 'granted')),
        pct,
      )}。`,
      labels: OUTCOMES.map((o) => o.label),
      series: picked.map((p) => ({ label: label(p), values: OUTCOMES.map((o) => share(p, o.key)) })),
      percent: true,
      note: SHARE_FORMULA,
    },
    {
      title: '行政复议结果（件）',
      summary: `行政复议总数${extremes(
        labels,
        picked.map((p) => p.report.review.total),
        num,
      )}。`,
      labels,
      series: RESULTS.map((c) => ({ label: c.label, values: picked.map((p) => review(p, c.key)) })),
      stacked: true,
    },
    {
      title: '行政诉讼结果（件，直接起诉与复议后起诉合计）',
      summary: `行政诉讼总数${extremes(
        labels,
        picked.map((p) => litigation(p, 'total')),
        num,
      )}。`,
      labels,
      series: RESULTS.map((c) => ({ label: c.label, values: picked.map((p) => litigation(p, c.key)) })),
      stacked: true,
    },
  ];
}

/** One CSV row per picked report, with every number the charts show. */
export const compareRows = (picked: Picked[]): Record<string, CsvValue>[] =>
  picked.map((p) => ({
    机关: p.agency,
    年度: p.report.year,
    报告: p.report.id,
    表格格式: p.report.template,
    ...Object.fromEntries(APPLICANT_TYPES.map((c) => [`新收申请·${c.label}`, applicants(p, c.key)])),
    新收申请总计: applicants(p, 'total'),
    ...Object.fromEntries(OUTCOMES.map((o) => [`办理结果·${o.label}`, p.report.figures[o.key]])),
    办理结果总计: p.report.figures.resultsTotal,
    ...Object.fromEntries(OUTCOMES.map((o) => [`占比·${o.label}`, share(p, o.key)])),
    ...Object.fromEntries(RESULTS.map((c) => [`行政复议·${c.label}`, review(p, c.key)])),
    行政复议总计: p.report.review.total,
    ...Object.fromEntries(RESULTS.map((c) => [`行政诉讼·${c.label}`, litigation(p, c.key)])),
    行政诉讼总计: litigation(p, 'total'),
  }));
