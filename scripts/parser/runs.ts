// Cells of text whose table layout was lost: "一、本年新收…640020470" is 64|0|0|2|0|4|70 or any other
// split of its digits. This module lists every reading of a run of printed figures as n cells; the
// template's arithmetic then chooses among them (solve.ts).
import { readCell } from './read-cell.ts';

/**
 * One printed figure, or several run together (`number`, which may be cut), or a placeholder, or a
 * whole table cell as read from a real table (`cell`, never cut).
 */
export interface Atom {
  text: string;
  kind: 'number' | 'placeholder' | 'cell';
  /** Offset in the text it was read from. */
  at?: number;
}

/** One reading of a run: a value per cell; undefined where the run printed fewer figures than cells. */
export interface Reading {
  values: (number | null | undefined)[];
  raws: (string | undefined)[];
}

const ATOM = /[+-]?\d+(?:\.\d+)?(?:亿元|万元|元)?|(?<![\p{L}\p{N}])(?:[-—–/]+|无|不适用)(?![\p{L}\p{N}])/gu;
const UNIT_OR_SPACE = /^[\s,，、;；]*$/u;

/**
 * The figures at the start of `text`, up to the first words (the next label, a heading, prose).
 * Words before the first figure are the rest of a label and are skipped.
 */
export function leadingAtoms(text: string): { atoms: Atom[]; end: number } {
  const atoms: Atom[] = [];
  let end = 0;
  ATOM.lastIndex = 0;
  for (let m = ATOM.exec(text); m; m = ATOM.exec(text)) {
    const between = text.slice(end, m.index);
    if (atoms.length && !UNIT_OR_SPACE.test(between)) break;
    if (!atoms.length && /\d年|\d月|\d日/.test(text.slice(m.index, m.index + m[0].length + 1)) && /\p{Script=Han}/u.test(between)) {
      // A year inside a label annotation such as "(指2019年事项数)".
      end = m.index + m[0].length;
      continue;
    }
    if (/^[+-]?\d/.test(m[0]) && /^[年月日号]/.test(text.slice(m.index + m[0].length))) break;
    atoms.push({ text: m[0], kind: /\d/.test(m[0]) ? 'number' : 'placeholder', at: m.index });
    end = m.index + m[0].length;
  }
  return { atoms, end };
}

export interface SplitOptions {
  /** Columns whose cells are money (converted to 万元). */
  money?: boolean[];
  /** Give up beyond this many readings. */
  cap?: number;
}

/**
 * Every way to read the atoms as exactly `n` cells. A figure never starts with 0 unless it is 0;
 * a sign starts a figure and decimals end one. When the digits cannot fill `n` cells, each digit is
 * a cell and the missing cells are undefined, at every position they could be.
 */
export function readings(atoms: Atom[], n: number, options: SplitOptions = {}): Reading[] | 'too-many' {
  const cap = options.cap ?? 4000;
  const most = atoms.map((a) => (a.kind === 'number' ? digitsOf(a.text).length : 1));
  const toReading = reader(options);
  if (most.reduce((a, b) => a + b, 0) < n) {
    const texts = atoms.flatMap((a) => (a.kind === 'number' ? (splits(a.text, most[atoms.indexOf(a)], most[atoms.indexOf(a)])[0] ?? [a.text]) : [a.text]));
    const result = [...withGaps(texts, n)].map(toReading);
    return result.length > cap ? 'too-many' : result;
  }
  // Cells still to fill after atom i, at least one per atom and at most one per digit.
  const restMin = atoms.map((_, i) => atoms.length - i - 1);
  const restMax = most.map((_, i) => most.slice(i + 1).reduce((a, b) => a + b, 0));
  const full: string[][] = [];
  const parts: string[] = [];
  const visit = (i: number): boolean => {
    if (i === atoms.length) {
      if (parts.length === n) full.push([...parts]);
      return full.length <= cap;
    }
    const atom = atoms[i];
    const left = n - parts.length;
    if (atom.kind !== 'number') {
      parts.push(atom.text);
      const ok = visit(i + 1);
      parts.pop();
      return ok;
    }
    for (const pieces of splits(atom.text, Math.max(1, left - restMax[i]), left - restMin[i])) {
      parts.push(...pieces);
      const ok = visit(i + 1);
      parts.length -= pieces.length;
      if (!ok) return false;
    }
    return true;
  };
  if (!visit(0)) return 'too-many';
  return full.map(toReading);
}

const reader =
  (options: SplitOptions) =>
  (texts: (string | undefined)[]): Reading => {
    const cells = texts.map((t, k) => (t === undefined ? undefined : readCell(t, options.money?.[k])));
    return { values: cells.map((c) => (c ? c.value : undefined)), raws: cells.map((c) => c?.raw) };
  };

/**
 * Readings of separated figures one or two fewer than the cells, taken as printed with the blank
 * cells missing, at every position: "11 0 0 0 0 11" is seven cells with one left blank, not "1|1|…".
 * Used only when no cut of the figures is consistent (solve.ts).
 */
export function blankReadings(atoms: Atom[], n: number, options: SplitOptions = {}): Reading[] {
  if (atoms.length >= n || atoms.length < n - 2 || atoms.some((a) => a.kind === 'cell')) return [];
  return [
    ...withGaps(
      atoms.map((a) => a.text),
      n,
    ),
  ].map(reader(options));
}

const digitsOf = (text: string) => /\d+/.exec(text)?.[0] ?? '';

/** The ways one run of digits can be cut into between `min` and `max` figures. */
function splits(text: string, min: number, max: number): string[][] {
  const m = /^([+-]?)(\d+)((?:\.\d+)?(?:亿元|万元|元)?)$/u.exec(text);
  if (!m) return min <= 1 && max >= 1 ? [[text]] : [];
  const [, sign, digits, tail] = m;
  const out: string[][] = [];
  const cut = (start: number, acc: string[]) => {
    if (acc.length > max || acc.length + (digits.length - start) < min) return;
    if (start === digits.length) {
      const last = acc.length - 1;
      out.push(acc.map((p, k) => (k === 0 ? sign : '') + p + (k === last ? tail : '')));
      return;
    }
    if (digits[start] === '0') return cut(start + 1, [...acc, '0']);
    for (let end = start + 1; end <= digits.length; end++) cut(end, [...acc, digits.slice(start, end)]);
  };
  cut(0, []);
  return out;
}

/** Every way to place `n - texts.length` unknown cells among the printed ones. */
function* withGaps(texts: string[], n: number): Generator<(string | undefined)[]> {
  const gaps = n - texts.length;
  const place = function* (i: number, left: number, acc: (string | undefined)[]): Generator<(string | undefined)[]> {
    if (acc.length === n) {
      yield acc;
      return;
    }
    if (left > 0) yield* place(i, left - 1, [...acc, undefined]);
    if (i < texts.length) yield* place(i + 1, left, [...acc, texts[i]]);
  };
  if (gaps > 0) yield* place(0, gaps, []);
}
