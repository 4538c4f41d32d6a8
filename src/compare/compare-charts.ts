// The compare page's charts and CSV, from the picked reports. Pure, so the browser script stays small and
// the numbers can be checked without one. Over several years each measure is a line per agency; in one
// year, bars per agency; with many agencies, small multiples (a panel per agency, one scale). Each agency
// keeps one colour on every chart of the page. Nothing here states more than the reports did: a value is a
// number, a printed blank, "cannot tell" or no report; a number the report's own arithmetic contradicts is
// marked ⚠ (hatched) with what its parts add up to; a share needs a known, uncontradicted denominator; each
// table 四 block is charted from its own cells, and marks come from the cells charted (model/marks.ts), not
// from the whole report: an ambiguity in table 二 marks nothing here.
import { APPLICANTS, REVIEW_BLOCKS, REVIEW_COLUMNS, REVIEW_PARTS } from '../../model/templates.ts';
import { cellPath, splitPath } from '../../model/cell-paths.ts';
// Only types from the model's schemas: zod must not reach the browser bundle.
import type { ApplicantRow, ReviewBlock } from '../../model/report.ts';
import type { FigureKey } from '../../model/summary.ts';
import { checkStatus, MARKS, partsNote, type Parts } from '../../model/marks.ts';
import type { CompareReport } from './compare-data.ts';
import { extremes, type ChartSpec, type Series } from '../charts/chart-spec.ts';
import { DISCLOSURE_RATE, OUTCOMES } from '../charts/key-figures.ts';
import { colourAt } from '../charts/palette.ts';
import { num, pct, ratio } from '../render/format.ts';
import type { CsvValue } from '../../model/csv.ts';

export interface Picked {
  agency: string;
  /** The agency's id: its colour follows the order the agencies were chosen in. */
  agencyId?: string;
  report: CompareReport;
}

/** A value with its state and mark. */
export interface Value {
  v: number | null;
  unknown: boolean;
  /** Contradicted by the report's own numbers (⚠, hatched). */
  failed: boolean;
  /** For a contradicted total: what its parts add up to. */
  parts: Parts[];
  /** Cut by the arithmetic, every check passing: a quiet note. */
  cut: boolean;
  /** A share not computed because its denominator is contradicted. */
  withheld?: boolean;
}

const APPLICANT_TYPES = APPLICANTS.filter((c) => c.key !== 'total');
const RESULTS = REVIEW_COLUMNS.filter((c) => REVIEW_PARTS.includes(c.key));
type BlockKey = (typeof REVIEW_BLOCKS)[number]['key'];

/** More agencies than this are drawn as small multiples. */
export const SMALL_MULTIPLES_FROM = 5;

/** A cell of the report's row 一 or table 四, in its state and mark. */
function cellValue(r: CompareReport, path: string, v: number | null | undefined): Value {
  return {
    v: v ?? null,
    unknown: r.unknown.includes(path),
    failed: r.failedCells.includes(path),
    parts: r.cellParts[path] ?? [],
    cut: r.cutCells.includes(path),
  };
}

/** Row 一 (新收) of table 三, one applicant column. */
const applicants = (r: CompareReport, key: string): Value => {
  const value = cellValue(r, cellPath('applications', 'received', key), r.received?.[key as keyof ApplicantRow]);
  return { ...value, unknown: value.unknown || (r.received === null && r.unknownFigures.includes('received')) };
};
/** A key figure of the report. */
export const figure = (r: CompareReport, key: FigureKey): Value => ({
  v: r.figures[key],
  unknown: r.figures[key] === null && r.unknownFigures.includes(key),
  failed: r.figures[key] !== null && r.failedFigures.includes(key),
  parts: r.figureParts[key] ?? [],
  cut: r.cutFigures.includes(key),
});
/** One cell of one table 四 block, from that block only. */
const blockCell = (r: CompareReport, block: BlockKey, key: string): Value => cellValue(r, cellPath(block, key), r[block][key as keyof ReviewBlock]);

/** A part over 办理结果总计: none without a known, non-zero denominator the report does not contradict. */
const share = (r: CompareReport, part: Value): Value => {
  const whole = figure(r, 'resultsTotal');
  if (whole.failed) return { v: null, unknown: false, failed: false, parts: [], cut: false, withheld: true };
  return { v: ratio(part.v, whole.v), unknown: part.unknown || whole.unknown, failed: part.failed, parts: [], cut: part.cut || whole.cut };
};
/** (予以公开 + 部分公开) ÷ 办理结果总计, in the same states. */
const rate = (r: CompareReport): Value => {
  const [granted, partly] = [figure(r, 'granted'), figure(r, 'partlyGranted')];
  const both: Value = {
    v: granted.v === null || partly.v === null ? null : granted.v + partly.v,
    unknown: granted.unknown || partly.unknown,
    failed: granted.failed || partly.failed,
    parts: [],
    cut: granted.cut || partly.cut,
  };
  return share(r, both);
};

export const SHARE_FORMULA =
  '占比 = 该项件数 ÷ 本报告办理结果总计（表三“（七）总计”）；总计为空白、0 或无法确定时不计算，总计与报告自身的其他数字矛盾时也不计算。';

const seriesOf = (label: string, values: (Value | undefined)[], colour?: string): Series => ({
  label,
  colour,
  values: values.map((x) => x?.v ?? null),
  unknown: values.map((x) => !!x && x.v === null && x.unknown),
  absent: values.map((x) => x === undefined),
  withheld: values.map((x) => !!x?.withheld),
  flagged: values.map((x) => !!x && x.v !== null && x.failed),
  notes: values.map((x) => (x && x.v !== null && x.failed ? partsNote(x.parts) : '')),
  cut: values.map((x) => !!x && x.v !== null && !x.failed && x.cut),
});

export interface CompareAgencyView {
  id: string;
  name: string;
  colour: string;
}

export interface CompareView {
  agencies: CompareAgencyView[];
  /** Years present among the picked reports, oldest first. */
  years: number[];
  /** Over the years (two or more): a line per agency for each measure. */
  trends: ChartSpec[];
  /** The year the breakdown charts show. */
  year: number;
  /** In that year: applicants by type, outcomes (counts and shares), each table 四 block by result. */
  breakdown: ChartSpec[];
}

/** The measures followed over the years, each a value of one report. */
const TRENDS: { title: string; value: (r: CompareReport) => Value; percent?: boolean; note?: string }[] = [
  { title: '新收政府信息公开申请（件）', value: (r) => figure(r, 'received') },
  { title: '办理结果总计（件）', value: (r) => figure(r, 'resultsTotal') },
  { title: '予以公开（件）', value: (r) => figure(r, 'granted') },
  {
    title: DISCLOSURE_RATE.label,
    value: rate,
    percent: true,
    note: `${DISCLOSURE_RATE.formula}；总计为空白、0 或无法确定时不计算，与报告自身的其他数字矛盾时也不计算。`,
  },
  ...REVIEW_BLOCKS.map((b) => ({ title: `${b.name}（件）`, value: (r: CompareReport) => figure(r, b.key) })),
];

/** One panel per series, each in its agency's colour, all on the scale of the largest value. */
function panelsOf(spec: ChartSpec): ChartSpec {
  const numbers = spec.series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number'));
  const max = numbers.length ? Math.max(...numbers) : undefined;
  return {
    ...spec,
    panels: spec.series.map((s) => ({ ...spec, title: s.label, series: [s], panels: undefined, max, summary: '' })),
  };
}

/** The charts of a choice: agencies in the order they were chosen (their colours follow it). */
export function compareView(picked: Picked[], order: string[] = [], year?: number): CompareView {
  const ids = [...new Set([...order.filter((id) => picked.some((p) => (p.agencyId ?? p.agency) === id)), ...picked.map((p) => p.agencyId ?? p.agency)])];
  const agencies = ids.map((id, i) => ({ id, name: picked.find((p) => (p.agencyId ?? p.agency) === id)!.agency, colour: colourAt(i) }));
  const years = [...new Set(picked.map((p) => p.report.year))].sort((a, b) => a - b);
  const reportOf = (id: string, y: number) => picked.find((p) => (p.agencyId ?? p.agency) === id && p.report.year === y)?.report;
  const many = agencies.length >= SMALL_MULTIPLES_FROM;
  // Every year from the first to the last along the axis, so that a year no agency reported is a gap, not a squeeze.
  const span = years.length ? Array.from({ length: years.at(-1)! - years[0]! + 1 }, (_, i) => years[0]! + i) : [];
  const yearLabels = span.map((y) => `${y}年`);

  const trends =
    years.length < 2
      ? []
      : TRENDS.map((m): ChartSpec => {
          const series = agencies.map((a) =>
            seriesOf(
              a.name,
              span.map((y) => {
                const r = reportOf(a.id, y);
                return r ? m.value(r) : undefined;
              }),
              a.colour,
            ),
          );
          // The summary compares the agencies in the newest year each has a report for.
          const latest = agencies.map((a) => [...years].reverse().find((y) => reportOf(a.id, y)) ?? years.at(-1)!);
          const values = agencies.map((a, i) => m.value(reportOf(a.id, latest[i]!)!));
          const show = m.percent ? pct : num;
          const spec: ChartSpec = {
            kind: 'line',
            title: m.title,
            summary: `${years[0]}—${years.at(-1)}年。各机关最近一年：${extremes(
              agencies.map((a, i) => `${a.name}（${latest[i]}年）`),
              values.map((x) => x.v),
              show,
              values.map((x) => x.unknown),
              values.map((x) => x.failed),
            )}。`,
            labels: yearLabels,
            series,
            percent: m.percent,
            note: m.note,
          };
          return many ? panelsOf(spec) : spec;
        });

  const shown = year !== undefined && years.includes(year) ? year : years.at(-1)!;
  const inYear = agencies.map((a) => ({ a, r: reportOf(a.id, shown) }));
  const present = inYear.filter((x): x is { a: CompareAgencyView; r: CompareReport } => x.r !== undefined);
  const absent = inYear.filter((x) => !x.r).map((x) => x.a.name);
  const missing = absent.length ? `${absent.join('、')}没有${shown}年度的报告。` : '';
  /** A breakdown of the year: categories along the axis, a bar per agency (or a panel per agency). */
  const breakdown = (
    title: string,
    categories: string[],
    values: (r: CompareReport) => Value[],
    total: [string, (r: CompareReport) => Value],
    extra: Partial<ChartSpec> = {},
  ) => {
    const totals = present.map((x) => total[1](x.r));
    const show = extra.percent ? pct : num;
    const spec: ChartSpec = {
      title: `${title}，${shown}年`,
      summary: `${total[0]}${extremes(
        present.map((x) => x.a.name),
        totals.map((t) => t.v),
        show,
        totals.map((t) => t.unknown),
        totals.map((t) => t.failed),
      )}。${missing}`,
      labels: categories,
      series: present.map((x) => seriesOf(x.a.name, values(x.r), x.a.colour)),
      ...extra,
    };
    return many ? panelsOf(spec) : spec;
  };
  const outcomeShares = (r: CompareReport) => OUTCOMES.map((o) => share(r, figure(r, o.key)));
  const shareSums = present
    .map((x) => ({ name: x.a.name, sum: outcomeShares(x.r).reduce((s, v) => s + (v.v ?? 0), 0), any: outcomeShares(x.r).some((v) => v.v !== null) }))
    .filter((x) => x.any && Math.abs(x.sum - 1) > 0.0005)
    .map((x) => `${x.name}各项占比合计 ${pct(x.sum)}，不是 100%（有空白或无法确定的项）`);

  const breakdowns = present.length
    ? [
        breakdown(
          '新收申请，按申请人类型（件）',
          APPLICANT_TYPES.map((c) => c.label),
          (r) => APPLICANT_TYPES.map((c) => applicants(r, c.key)),
          ['新收申请总数', (r) => applicants(r, 'total')],
        ),
        breakdown(
          '办理结果（件）',
          OUTCOMES.map((o) => o.label),
          (r) => OUTCOMES.map((o) => figure(r, o.key)),
          ['办理结果总计', (r) => figure(r, 'resultsTotal')],
        ),
        breakdown(
          '办理结果占比',
          OUTCOMES.map((o) => o.label),
          outcomeShares,
          ['予以公开的占比', (r) => share(r, figure(r, 'granted'))],
          {
            percent: true,
            note: [SHARE_FORMULA, ...shareSums].join(''),
          },
        ),
        // Each table 四 block from its own cells: a blank 复议后起诉 never hides a known 直接起诉.
        ...REVIEW_BLOCKS.map((b) =>
          breakdown(
            `${b.group ? `${b.group}（${b.label}）` : b.label}结果（件）`,
            RESULTS.map((c) => c.label),
            (r) => RESULTS.map((c) => blockCell(r, b.key, c.key)),
            [`${b.group ?? ''}${b.label}总数`, (r) => blockCell(r, b.key, 'total')],
          ),
        ),
      ]
    : [];
  return { agencies, years, trends, year: shown, breakdown: breakdowns };
}

/** What the CSV writes in a cell nianbao could not tell (empty is a printed blank): README "The data". */
export const UNKNOWN_CSV = '?';

/**
 * A value as a CSV cell: the number; empty for a printed blank; `?` when it could not be told; and, for a
 * number the report contradicts, the text "⚠ 0（原表总计；各列合计 6）", so that it is never summed as plain.
 */
export const csvValue = (x: Value, percent = false): CsvValue => {
  if (x.withheld) return '⚠ 不计算';
  if (x.v === null) return x.unknown ? UNKNOWN_CSV : null;
  const v = percent ? Math.round(x.v * 1000) / 10 : x.v;
  return x.failed ? `⚠ ${v}${partsNote(x.parts)}` : v;
};

const REVIEW_FIGURES = new Set<string>(REVIEW_BLOCKS.map((b) => b.key));
/** "表三、表四": the tables of some compared figures (a block's key is table 四's) and cells (by their top-level key). */
const tablesOf = (keys: string[]) =>
  [keys.some((k) => !REVIEW_FIGURES.has(splitPath(k).key)) && '表三', keys.some((k) => REVIEW_FIGURES.has(splitPath(k).key)) && '表四']
    .filter(Boolean)
    .join('、');

/** What is marked in a report's compared numbers, in words and by table (empty when nothing is). */
export function cautionOf(r: CompareReport): string {
  if (r.checked === 0) return '表格无法读取，未能检查';
  const failed = [...r.failedFigures.filter((k) => r.figures[k] !== null), ...r.failedCells];
  const unknown = [...r.unknownFigures, ...r.unknown];
  return [
    failed.length > 0 &&
      `${tablesOf(failed)}的数字与报告自身的其他数字矛盾（${MARKS.failed.sign}，${r.failed > 0 ? `本报告 ${r.failed} 项检查未通过` : '正文或上一年度的数字与表中不同'}）`,
    unknown.length > 0 && `${tablesOf(unknown)}有数字无法确定（？）`,
  ]
    .filter(Boolean)
    .join('；');
}

/** The check result in words: never 通过 for checks that could not be decided. */
const CHECK_RESULT = { unchecked: '无法检查', failed: '未通过', undecided: '部分无法判断', passed: '通过' } as const;

/**
 * One CSV row per picked report, with every number the charts show and what a reader needs to trust it:
 * the check result, the marks, the report's page and its source. `origin` makes the report URL absolute
 * (the page's own location.origin).
 */
export const compareRows = (picked: Picked[], origin = ''): Record<string, CsvValue>[] =>
  picked.map(({ agency, report: r }) => ({
    机关: agency,
    年度: r.year,
    报告: r.id,
    报告网址: origin + r.url,
    原文网址: r.sourceUrl,
    表格格式: r.template,
    检查结果: CHECK_RESULT[checkStatus(r)],
    未通过检查项: r.checked === 0 ? null : r.failed,
    无法判断检查项: r.checked === 0 ? null : r.undecided,
    边界推断: r.cutFigures.length > 0 || r.cutCells.length > 0 ? '是' : '否',
    无法确定的单元格: r.unknownCells,
    注意: cautionOf(r),
    ...Object.fromEntries(APPLICANT_TYPES.map((c) => [`新收申请·${c.label}`, csvValue(applicants(r, c.key))])),
    新收申请总计: csvValue(applicants(r, 'total')),
    ...Object.fromEntries(OUTCOMES.map((o) => [`办理结果·${o.label}`, csvValue(figure(r, o.key))])),
    办理结果总计: csvValue(figure(r, 'resultsTotal')),
    ...Object.fromEntries(OUTCOMES.map((o) => [`占比（%）·${o.label}`, csvValue(share(r, figure(r, o.key)), true)])),
    ...Object.fromEntries(
      REVIEW_BLOCKS.flatMap((b) =>
        [...RESULTS, REVIEW_COLUMNS.find((c) => c.key === 'total')!].map((c) => [`${b.name}·${c.label}`, csvValue(blockCell(r, b.key, c.key))]),
      ),
    ),
  }));
