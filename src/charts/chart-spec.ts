// A bar chart as data: drawn by Chart.js in the browser (src/client/charts.ts) and printed as a table beside
// it, so the numbers are readable without the picture. A missing value is either a blank the report printed
// or a figure nianbao could not tell (`unknown`); the table says which, the chart draws neither.
export interface Series {
  label: string;
  values: (number | null)[];
  /** Per value: true when null means "cannot tell" (not a printed blank). */
  unknown?: boolean[];
  /** Per value: true when null means there is no report for it (an agency's year the portal does not hold). */
  absent?: boolean[];
  /** Per value: true when null because the report's own numbers contradict what it would be computed from (a share). */
  withheld?: boolean[];
  /** The series' colour (an agency's, the same on every chart of a page); else the palette's by position. */
  colour?: string;
  /** Per value colours (one bar per agency); else the series' colour. */
  colours?: string[];
  /**
   * Per value: the report's own numbers contradict it (model/marks.ts `failed`). The chart hatches the bar
   * and the table marks the number with ⚠ (not colour alone).
   */
  flagged?: boolean[];
  /** Per value: what follows a flagged number in the table ("（原表总计；各列合计 6）"). */
  notes?: string[];
  /** Per value: cut by the arithmetic with every check passing (model/marks.ts): a quiet note, no caution. */
  cut?: boolean[];
}

export interface ChartSpec {
  /** Bars (the default), or lines: one per series over the labels (years). */
  kind?: 'bar' | 'line';
  title: string;
  /** One sentence a reader (and a screen reader) gets instead of the picture. */
  summary: string;
  /** Categories along the x axis; the table's rows. */
  labels: string[];
  /** One per legend entry; the table's columns. */
  series: Series[];
  /** Bars of one category on top of each other instead of side by side. */
  stacked?: boolean;
  /** Values are shares (0–1), shown as percentages. */
  percent?: boolean;
  /** Formula and denominator of a rate, or another caveat, printed under the chart. */
  note?: string;
  /** Small multiples: drawn instead of the chart itself, one panel per series, on one scale (its table stays whole). */
  panels?: ChartSpec[];
  /** Largest value on the axis, so that panels share their scale. */
  max?: number;
}

/** A value's state as the tables print it. */
export type ValueState = 'number' | 'blank' | 'unknown' | 'absent' | 'withheld';
export const stateOf = (s: Series, i: number): ValueState =>
  typeof s.values[i] === 'number' ? 'number' : s.unknown?.[i] ? 'unknown' : s.absent?.[i] ? 'absent' : s.withheld?.[i] ? 'withheld' : 'blank';

/**
 * Why a chart is not drawn, or null when it has a bar to draw: without a single number, or with only
 * zeros, it is said in words instead of drawn as empty axes.
 */
export function notDrawn(spec: ChartSpec): string | null {
  const numbers = spec.series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number'));
  if (numbers.length === 0) return '没有可画的数字（均为空白或无法确定），不作图。';
  return numbers.every((v) => v === 0) ? '各项均为 0，不作图。' : null;
}

/** Words for the values a chart lacks: "另有 2 项空白、1 项无法确定，未计入". */
export function missingNote(values: (number | null)[], unknown: boolean[] = []): string {
  const blank = values.filter((v, i) => v === null && !unknown[i]).length;
  const cannot = values.filter((v, i) => v === null && unknown[i]).length;
  const parts = [blank && `${blank} 项空白`, cannot && `${cannot} 项无法确定`].filter(Boolean);
  return parts.length ? `另有 ${parts.join('、')}，未计入` : '';
}

/**
 * "最高的是 A（12），最低的是 B（0）" over one series, skipping blanks and unknowns and saying how many were
 * skipped; "均为 0" only when every value is known and equal. Never states a value it does not have.
 */
export function extremes(labels: string[], values: (number | null)[], plain: (v: number) => string, unknown: boolean[] = [], flagged: boolean[] = []): string {
  // A value the report's own numbers contradict is never stated bare.
  const flags = new Map(labels.map((label, i) => [label, flagged[i] ?? false]));
  const known = labels.map((label, i) => ({ label, v: values[i] })).filter((x): x is { label: string; v: number } => typeof x.v === 'number');
  const show = (v: number, label?: string) => (label !== undefined && flags.get(label) ? `⚠ ${plain(v)}` : plain(v));
  const missing = missingNote(values, unknown);
  if (known.length === 0) return `没有可用的数字（${missing.replace(/^另有 (.*)，未计入$/, '$1')}）`;
  const max = known.reduce((a, b) => (b.v > a.v ? b : a));
  const min = known.reduce((a, b) => (b.v < a.v ? b : a));
  const anyFlagged = known.some((x) => flags.get(x.label));
  const said =
    known.length === 1
      ? `${max.label}为 ${show(max.v, max.label)}`
      : max.v === min.v && !anyFlagged
        ? `${missing ? `可比较的 ${known.length} 项` : ''}均为 ${show(max.v)}`
        : `最高的是${max.label}（${show(max.v, max.label)}），最低的是${min.label}（${show(min.v, min.label)}）`;
  return missing ? `${said}；${missing}` : said;
}
