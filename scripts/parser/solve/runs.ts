// Cells of text whose table layout was lost: "一、本年新收…640020470" is 64|0|0|2|0|4|70 or any other
// split of its digits. This module lists every reading of a run of printed figures as n cells; the
// template's arithmetic then chooses among them (solve.ts).
import { readCell } from '../tables/read-cell.ts';

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
 * Most readings listed for one row. A 7-cell row of 14 run-together digits has 1,716 readings and
 * is still solved by the arithmetic; at 20 digits (27,132) the template's equations rarely leave a
 * single answer, and each reading costs the joint search (solve.ts) a branch.
 */
export const MAX_READINGS = 4000;

/**
 * Longest figure a cut may make: every integer of 15 digits is exact in a double (2^53 has 16), so
 * no cut ever produces a value that is not the printed one. A figure printed alone may be longer:
 * it is then read, and refused, as printed (read-cell.ts).
 */
const MAX_CUT_DIGITS = 15;

/**
 * Every way to read the atoms as exactly `n` cells, or 'too-many' beyond `cap` readings. A figure
 * never starts with 0 unless it is 0; a sign starts a figure and decimals end one. When the digits
 * cannot fill `n` cells, each digit is a cell and the missing cells are undefined, at every
 * position they could be.
 *
 * The readings are counted before any is listed (counts per atom and per number of cells, as in a
 * knapsack), and only cuts that lead to a reading are followed: the work is bounded by the
 * readings returned, never by the digits' 2^(d-1) ways to be cut.
 */
export function readings(atoms: Atom[], n: number, options: SplitOptions = {}): Reading[] | 'too-many' {
  const cap = options.cap ?? MAX_READINGS;
  if (atoms.length > n) return [];
  const toReading = reader(options);
  const runs = atoms.map(runOf);
  const most = runs.map((r) => (r ? r.digits.length : 1));
  if (most.reduce((a, b) => a + b, 0) < n) {
    const texts = atoms.flatMap((a, i) => {
      const r = runs[i];
      return r ? [...r.digits].map((d, k) => (k === 0 ? r.sign : '') + d + (k === r.digits.length - 1 ? r.tail : '')) : [a.text];
    });
    return binomial(n, n - texts.length) > cap ? 'too-many' : [...withGaps(texts, n)].map(toReading);
  }
  // after[i][c]: readings of atoms i.. as exactly c cells (capped at cap + 1).
  const cuts = runs.map((r) => (r ? cutCounts(r.digits, n) : undefined));
  const after: number[][] = Array.from({ length: atoms.length + 1 }, () => Array<number>(n + 1).fill(0));
  after[atoms.length][0] = 1;
  for (let i = atoms.length - 1; i >= 0; i--) {
    const ways = cuts[i] ? cuts[i]!.pieces(0) : [0, 1];
    for (let c = 0; c <= n; c++) {
      let sum = 0;
      for (let k = 1; k < ways.length && k <= c; k++) sum += ways[k] * after[i + 1][c - k];
      after[i][c] = Math.min(sum, cap + 1);
    }
  }
  if (after[0][n] > cap) return 'too-many';

  const full: string[][] = [];
  const cells: string[] = [];
  const visit = (i: number) => {
    if (i === atoms.length) {
      full.push([...cells]);
      return;
    }
    const run = runs[i];
    const cut = cuts[i];
    if (!run || !cut) {
      cells.push(atoms[i].text);
      visit(i + 1);
      cells.pop();
      return;
    }
    const pieces: string[] = [];
    // Can the digits from `from` on, and the atoms after, still fill the cells left?
    const fits = (from: number) => {
      const ways = cut.pieces(from);
      const left = n - cells.length - pieces.length;
      for (let j = 0; j < ways.length && j <= left; j++) if (ways[j] && after[i + 1][left - j]) return true;
      return false;
    };
    const step = (start: number) => {
      if (start === run.digits.length) {
        const before = cells.length;
        pieces.forEach((p, k) => cells.push((k === 0 ? run.sign : '') + p + (k === pieces.length - 1 ? run.tail : '')));
        visit(i + 1);
        cells.length = before;
        return;
      }
      for (const end of cut.ends(start)) {
        pieces.push(run.digits.slice(start, end));
        if (fits(end)) step(end);
        pieces.pop();
      }
    };
    step(0);
  };
  visit(0);
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

interface Run {
  sign: string;
  digits: string;
  /** Decimals and unit, which end the last figure. */
  tail: string;
}

function runOf(atom: Atom): Run | undefined {
  if (atom.kind !== 'number') return undefined;
  const m = /^([+-]?)(\d+)((?:\.\d+)?(?:亿元|万元|元)?)$/u.exec(atom.text);
  return m ? { sign: m[1], digits: m[2], tail: m[3] } : undefined;
}

/**
 * The ways to cut one run of digits: `ends(start)` the figures that may start at `start` (a 0 is a
 * figure alone; a whole run may be longer than a cut figure), `pieces(from)[j]` how many ways the
 * digits from `from` on make exactly j figures (at most `n`, counts capped).
 */
function cutCounts(digits: string, n: number): { ends: (start: number) => number[]; pieces: (from: number) => number[] } {
  const d = digits.length;
  const ends = (start: number) => {
    if (digits[start] === '0') return [start + 1];
    const out: number[] = [];
    for (let end = start + 1; end <= Math.min(d, start + MAX_CUT_DIGITS); end++) out.push(end);
    if (start === 0 && d > MAX_CUT_DIGITS) out.push(d);
    return out;
  };
  if (d > MAX_CUT_DIGITS * n) {
    // Too long to cut into n figures: only the whole run, read as printed.
    const whole = digits[0] === '0' && d > 1 ? 0 : 1;
    return { ends: () => [d], pieces: (from) => (from === d ? [1] : [0, whole]) };
  }
  const table: number[][] = Array.from({ length: d + 1 }, () => Array<number>(n + 1).fill(0));
  table[d][0] = 1;
  for (let start = d - 1; start >= 0; start--)
    for (const end of ends(start)) for (let j = 1; j <= n; j++) table[start][j] = Math.min(table[start][j] + table[end][j - 1], Number.MAX_SAFE_INTEGER);
  return { ends, pieces: (from) => table[from] };
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
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
