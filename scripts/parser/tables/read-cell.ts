// One printed cell → its value. A blank or a placeholder is null, never 0; anything that is not a
// plain integer keeps its printed text for `raw`. Money is normalised to 万元.

export interface CellValue {
  value: number | null;
  /** The printed text, when it was not a plain integer (blank cells keep ""). */
  raw?: string;
  /** The text is neither a number nor a known placeholder. */
  unreadable?: boolean;
  /** A figure with more digits than a double holds exactly (beyond 2^53): not a number, kept as printed. */
  tooLarge?: boolean;
}

const PLACEHOLDER = /^(?:[-－—–─―_/／\\、.。…]+|无|暂无|没有|空|不适用|N\/?A|null|\*+)$/i;
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(亿元|万元|元|件|个|项|条|份)?$/;

export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
}

/** Read one cell. `money` cells convert 元/亿元 to 万元; a bare number is taken as printed (万元). */
export function readCell(printed: string, money = false): CellValue {
  const text = normalise(printed);
  if (text === '') return { value: null, raw: printed.trim() === '' ? '' : printed.trim() };
  if (/^\d+$/.test(text) && (text === '0' || !text.startsWith('0'))) {
    const value = Number(text);
    if (!Number.isSafeInteger(value)) return { value: null, raw: printed.trim(), tooLarge: true };
    // Printed otherwise than plainly ("3 7", full-width "３７"): the text goes to raw, as for any other form.
    return printed.trim() === text ? { value } : { value, raw: printed.trim() };
  }
  if (PLACEHOLDER.test(text)) return { value: null, raw: printed.trim() };
  const m = NUMBER.exec(text);
  if (!m) return { value: null, raw: printed.trim(), unreadable: true };
  const digits = m[2].replace(/,/g, '');
  // 15 significant digits always survive a double; an integer may use all 53 bits.
  const exact = m[3] ? (digits.replace(/^0+/, '') + m[3].slice(1)).length <= 15 : Number.isSafeInteger(Number(digits));
  if (!exact) return { value: null, raw: printed.trim(), tooLarge: true };
  let value = Number(digits + (m[3] ?? ''));
  if (m[1] === '-') value = -value;
  const unit = m[4];
  if (unit && !money && /元/.test(unit)) return { value: null, raw: printed.trim(), unreadable: true };
  if (unit === '元') value = round(value / 10000);
  else if (unit === '亿元') value = round(value * 10000);
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return { value: null, raw: printed.trim(), tooLarge: true };
  return { value, raw: printed.trim() };
}

/** Printed text of a figure too large to be exact (the solver warns about such cells). */
export const notSafeInteger = (printed: string) => readCell(printed, true).tooLarge === true;

/** 万元 amounts keep at most 6 decimals (1 元 = 0.0001 万元) without float noise. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;
