// How numbers read on the pages: Chinese grouping, blanks never shown as 0.
const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });

export const BLANK = '—';

export const num = (v: number | null | undefined) => (typeof v === 'number' ? integer.format(v) : BLANK);

/** A share as a percentage, or the blank mark when it cannot be computed (no denominator). */
export const pct = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? percent.format(v) : BLANK);

export const ratio = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole === 0 ? null : part / whole;
