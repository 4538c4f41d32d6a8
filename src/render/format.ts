// How numbers read on the pages: Chinese grouping, blanks never shown as 0.
const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });

export const BLANK = '—';

/** A count as printed: Chinese digit grouping from 1,000 up; below that (most cells) no formatter is needed. */
export const num = (v: number | null | undefined) =>
  typeof v !== 'number' ? BLANK : Number.isInteger(v) && v > -1000 && v < 1000 ? String(v) : integer.format(v);

/** A share as a percentage, or the blank mark when it cannot be computed (no denominator). */
export const pct = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? percent.format(v) : BLANK);

export const ratio = (part: number | null, whole: number | null): number | null => (part === null || whole === null || whole === 0 ? null : part / whole);
