// A bar chart as data: drawn by Chart.js in the browser (src/client/charts.ts) and printed as a table beside
// it, so the numbers are readable without the picture.
export interface Series {
  label: string;
  values: (number | null)[];
}

export interface ChartSpec {
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
}

/** "最高的是 A（12），最低的是 B（0）" over one series, skipping blanks; "均为 0" when all are equal. */
export function extremes(labels: string[], values: (number | null)[], show: (v: number) => string): string {
  const known = labels.map((label, i) => ({ label, v: values[i] })).filter((x): x is { label: string; v: number } => typeof x.v === 'number');
  if (known.length === 0) return '没有可用的数字';
  const max = known.reduce((a, b) => (b.v > a.v ? b : a));
  const min = known.reduce((a, b) => (b.v < a.v ? b : a));
  if (known.length === 1) return `${max.label}为 ${show(max.v)}`;
  return max.v === min.v ? `均为 ${show(max.v)}` : `最高的是${max.label}（${show(max.v)}），最低的是${min.label}（${show(min.v)}）`;
}
