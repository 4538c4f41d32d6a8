// The compare page's charts and CSV, from the picked reports. Pure, so the browser script stays small
// and the numbers can be checked without one. Nothing here states more than the reports did: each table 四
// block is charted from its own cells (a blank 复议后起诉 never hides a known 直接起诉 figure), a value is a
// number, a printed blank or "cannot tell", a share needs a known denominator, and a report that fails a
// check or has inferred or undecided cells carries ⚠ in its label, a hatched bar and columns in the CSV.
import { APPLICANTS, REVIEW_BLOCKS, REVIEW_COLUMNS, REVIEW_PARTS } from '../../model/templates.ts';
// Only types from the model's schemas: zod must not reach the browser bundle.
import type { ApplicantRow, ReviewBlock } from '../../model/report.ts';
import type { FigureKey } from '../../model/summary.ts';
import type { CompareReport } from './compare-data.ts';
import { extremes, type ChartSpec, type Series } from '../charts/chart-spec.ts';
import { OUTCOMES, needsCare } from '../charts/key-figures.ts';
import { num, pct, ratio } from '../render/format.ts';
import type { CsvValue } from '../../model/csv.ts';

export interface Picked {
  agency: string;
  report: CompareReport;
}

/** A value with its state: a number, a printed blank (null), or a value nianbao could not tell. */
interface Value {
  v: number | null;
  unknown: boolean;
}

const APPLICANT_TYPES = APPLICANTS.filter((c) => c.key !== 'total');
const RESULTS = REVIEW_COLUMNS.filter((c) => REVIEW_PARTS.includes(c.key));
type BlockKey = (typeof REVIEW_BLOCKS)[number]['key'];

/** A report whose numbers need care: it fails a check, has inferred or undecided cells, or could not be checked. */
const careful = (r: CompareReport) => needsCare(r) || r.checked === 0;

/** Why a report carries ⚠, in words (empty when it needs no care). */
export function cautionOf(r: CompareReport): string {
  if (!careful(r)) return '';
  if (r.checked === 0) return '表格无法读取，未能检查';
  return [
    r.failed > 0 && `${r.failed} 项检查未通过`,
    r.inferred && '单元格边界为推断',
    r.unknownCells > 0 && `${r.unknownCells} 个单元格无法确定`,
    r.undecided > 0 && `${r.undecided} 项检查无法判断`,
  ]
    .filter(Boolean)
    .join('，');
}

/** Row 一 (新收) of table 三, one applicant column. */
const applicants = (p: Picked, key: string): Value => ({
  v: p.report.received?.[key as keyof ApplicantRow] ?? null,
  unknown: p.report.unknown.includes(`applications.received.${key}`) || (p.report.received === null && p.report.unknownFigures.includes('received')),
});
const figure = (p: Picked, key: FigureKey): Value => ({
  v: p.report.figures[key],
  unknown: p.report.figures[key] === null && p.report.unknownFigures.includes(key),
});
/** One cell of one table 四 block, from that block only. */
const blockCell = (p: Picked, block: BlockKey, key: string): Value => ({
  v: p.report[block][key as keyof ReviewBlock] ?? null,
  unknown: p.report.unknown.includes(`${block}.${key}`),
});
/** A part over 办理结果总计: no share without a known, non-zero denominator; unknown when either side is. */
const share = (p: Picked, key: FigureKey): Value => {
  const [part, whole] = [figure(p, key), figure(p, 'resultsTotal')];
  return { v: ratio(part.v, whole.v), unknown: part.unknown || whole.unknown };
};

export const SHARE_FORMULA = '占比 = 该项件数 ÷ 本报告办理结果总计（表三“（七）总计”）；总计为空白、0 或无法确定时不计算，不画。';

const seriesOf = (label: string, values: Value[], flagged: boolean[]): Series => ({
  label,
  values: values.map((x) => x.v),
  unknown: values.map((x) => x.v === null && x.unknown),
  flagged,
});

/** The same chart with rows and columns swapped: one agency's years along the axis instead of in the legend. */
function transpose(spec: ChartSpec): ChartSpec {
  return {
    ...spec,
    labels: spec.series.map((s) => s.label),
    series: spec.labels.map((label, i) => ({
      label,
      values: spec.series.map((s) => s.values[i] ?? null),
      unknown: spec.series.map((s) => s.unknown?.[i] ?? false),
      flagged: spec.series.map((s) => s.flagged?.[i] ?? false),
    })),
  };
}

export function compareCharts(picked: Picked[]): ChartSpec[] {
  // One agency: its years run along the axis, as on its own page.
  const oneAgency = new Set(picked.map((p) => p.agency)).size === 1;
  const label = (p: Picked) => `${oneAgency ? '' : `${p.agency} `}${p.report.year}年${careful(p.report) ? ' ⚠' : ''}`;
  const labels = picked.map(label);
  const flags = picked.map((p) => careful(p.report));
  const summaryOf = (what: string, values: Value[], show: (v: number) => string) =>
    `${what}${extremes(
      labels,
      values.map((x) => x.v),
      show,
      values.map((x) => x.unknown),
    )}。`;
  const byReport = (spec: ChartSpec) => (oneAgency ? transpose(spec) : spec);
  return [
    byReport({
      title: '新收申请，按申请人类型（件）',
      summary: summaryOf(
        '新收申请总数',
        picked.map((p) => applicants(p, 'total')),
        num,
      ),
      labels: APPLICANT_TYPES.map((c) => c.label),
      series: picked.map((p, i) =>
        seriesOf(
          label(p),
          APPLICANT_TYPES.map((c) => applicants(p, c.key)),
          APPLICANT_TYPES.map(() => flags[i]!),
        ),
      ),
    }),
    byReport({
      title: '办理结果（件）',
      summary: summaryOf(
        '办理结果总计',
        picked.map((p) => figure(p, 'resultsTotal')),
        num,
      ),
      labels: OUTCOMES.map((o) => o.label),
      series: picked.map((p, i) =>
        seriesOf(
          label(p),
          OUTCOMES.map((o) => figure(p, o.key)),
          OUTCOMES.map(() => flags[i]!),
        ),
      ),
    }),
    byReport({
      title: '办理结果占比',
      summary: summaryOf(
        '予以公开的占比',
        picked.map((p) => share(p, 'granted')),
        pct,
      ),
      labels: OUTCOMES.map((o) => o.label),
      series: picked.map((p, i) =>
        seriesOf(
          label(p),
          OUTCOMES.map((o) => share(p, o.key)),
          OUTCOMES.map(() => flags[i]!),
        ),
      ),
      percent: true,
      note: SHARE_FORMULA,
    }),
    // Each table 四 block from its own cells.
    ...REVIEW_BLOCKS.map((b): ChartSpec => ({
      title: `${b.label.replace('·', '（')}${b.label.includes('·') ? '）' : ''}结果（件）`,
      summary: summaryOf(
        `${b.label.replace('·', '')}总数`,
        picked.map((p) => blockCell(p, b.key, 'total')),
        num,
      ),
      labels,
      series: RESULTS.map((c) =>
        seriesOf(
          c.label,
          picked.map((p) => blockCell(p, b.key, c.key)),
          flags,
        ),
      ),
      stacked: true,
    })),
  ];
}

/** What the CSV writes in a cell nianbao could not tell (empty is a printed blank): README "The data". */
export const UNKNOWN_CSV = '?';
const csvValue = (x: Value): CsvValue => (x.v !== null ? x.v : x.unknown ? UNKNOWN_CSV : null);
/** A share as a percentage with one decimal (30.4), for people reading the CSV. */
const csvShare = (x: Value): CsvValue => (x.v !== null ? Math.round(x.v * 1000) / 10 : x.unknown ? UNKNOWN_CSV : null);

/**
 * One CSV row per picked report, with every number the charts show and what a reader needs to trust it:
 * the check result, inferred boundaries, cells nianbao could not tell, the report's page and its source.
 * `origin` makes the report URL absolute (the page's own location.origin).
 */
export const compareRows = (picked: Picked[], origin = ''): Record<string, CsvValue>[] =>
  picked.map((p) => ({
    机关: p.agency,
    年度: p.report.year,
    报告: p.report.id,
    报告网址: origin + p.report.url,
    原文网址: p.report.sourceUrl,
    表格格式: p.report.template,
    检查结果: p.report.checked === 0 ? '无法检查' : p.report.failed > 0 ? '未通过' : '通过',
    未通过检查项: p.report.checked === 0 ? null : p.report.failed,
    无法判断检查项: p.report.checked === 0 ? null : p.report.undecided,
    边界推断: p.report.inferred ? '是' : '否',
    无法确定的单元格: p.report.unknownCells,
    注意: cautionOf(p.report),
    ...Object.fromEntries(APPLICANT_TYPES.map((c) => [`新收申请·${c.label}`, csvValue(applicants(p, c.key))])),
    新收申请总计: csvValue(applicants(p, 'total')),
    ...Object.fromEntries(OUTCOMES.map((o) => [`办理结果·${o.label}`, csvValue(figure(p, o.key))])),
    办理结果总计: csvValue(figure(p, 'resultsTotal')),
    ...Object.fromEntries(OUTCOMES.map((o) => [`占比（%）·${o.label}`, csvShare(share(p, o.key))])),
    ...Object.fromEntries(
      REVIEW_BLOCKS.flatMap((b) =>
        [...RESULTS, REVIEW_COLUMNS.find((c) => c.key === 'total')!].map((c) => [`${b.label}·${c.label}`, csvValue(blockCell(p, b.key, c.key))]),
      ),
    ),
  }));
