// Table 三 in text extracted from a PDF without its layout (pdftotext without -layout): the figures come out
// one per line in an order of their own, the labels before or after them. Where a row's figures stand
// cannot be seen; what can: the figures' order, the runs they come in (figures with no text between), and
// the arithmetic. Each run holds whole rows in the template's order, printed row by row or column by
// column in blocks of rows (a PDF's reading order breaks where its table's cells were drawn). Every way to
// read the runs so is tried; the cells are read only when exactly one reading keeps every row total (R3)
// and every column's balance (R1, R2). Otherwise the table stays layout-lost: never a guess.
import { evaluate, type Equation } from '../solve/equations.ts';
import type { RowSpec } from './row-specs.ts';

/** A figure standing alone: not a row's ordinal ("1.属于…"), not glued to words. */
const FIGURE = /(?<![\d\p{L}.．])\d+(?![\d\p{L}.．、])/gu;
/** Readings kept per run, and tables tried, before giving up: the arithmetic rarely leaves more than a few. */
const MAX_READINGS = 64;
const MAX_TABLES = 512;

/** Each row's seven printed figures, when the order and the arithmetic leave one reading; else undefined. */
export function readInOrder(text: string, from: number, to: number, specs: RowSpec[], eqs: Equation[]): Map<RowSpec, string[]> | undefined {
  const width = specs[0]?.paths.length ?? 0;
  if (!width || specs.some((s) => s.paths.length !== width)) return undefined;
  const runs: string[][] = [];
  let end = -1;
  FIGURE.lastIndex = 0;
  const slice = text.slice(from, to);
  for (let m = FIGURE.exec(slice); m; m = FIGURE.exec(slice)) {
    if (end >= 0 && /^\s*$/.test(slice.slice(end, m.index))) runs.at(-1)!.push(m[0]);
    else runs.push([m[0]]);
    end = m.index + m[0].length;
  }
  if (runs.some((r) => r.length % width) || runs.reduce((n, r) => n + r.length, 0) !== width * specs.length) return undefined;

  // Every reading of each run, deduplicated by the values it gives.
  const perRun: string[][][][] = [];
  for (const run of runs) {
    const readings = runReadings(run, width);
    if (!readings) return undefined;
    perRun.push(readings);
  }
  const tables = perRun.reduce<string[][][]>((acc, readings) => acc.flatMap((rows) => readings.map((more) => [...rows, ...more])), [[]]);
  if (tables.length > MAX_TABLES) return undefined;
  const consistent = tables.filter((rows) => {
    const cells = new Map(specs.flatMap((s, r) => s.paths.map((p, c) => [p, Number(rows[r][c])] as const)));
    return eqs.every((e) => evaluate(e, (p) => cells.get(p)).ok !== false);
  });
  if (consistent.length !== 1) return undefined;
  return new Map(specs.map((s, r) => [s, consistent[0][r]]));
}

/**
 * A run's readings as rows: cut into blocks of consecutive rows, each printed row by row or column by column,
 * each row keeping its total (the last figure is the sum of the others); undefined when too many.
 */
function runReadings(run: string[], width: number): string[][][] | undefined {
  const rows = run.length / width;
  const memo = new Map<number, string[][][] | undefined>();
  const from = (i: number): string[][][] | undefined => {
    if (i === rows) return [[]];
    if (memo.has(i)) return memo.get(i);
    const out = new Map<string, string[][]>();
    for (let g = 1; i + g <= rows; g++) {
      for (const byColumn of g === 1 ? [false] : [false, true]) {
        const block = Array.from({ length: g }, (_, t) => Array.from({ length: width }, (_, c) => run[i * width + (byColumn ? c * g + t : t * width + c)]));
        if (!block.every(totals)) continue;
        const rest = from(i + g);
        if (!rest) return undefined;
        for (const more of rest) {
          const rowsRead = [...block, ...more];
          out.set(rowsRead.map((r) => r.join(' ')).join('|'), rowsRead);
          if (out.size > MAX_READINGS) {
            memo.set(i, undefined);
            return undefined;
          }
        }
      }
    }
    const readings = [...out.values()];
    memo.set(i, readings);
    return readings;
  };
  const readings = from(0);
  return readings?.length ? readings : undefined;
}

/** A row of table 三 keeps its total: 总计 = the six applicant columns (R3). */
const totals = (row: string[]) => Number(row.at(-1)) === row.slice(0, -1).reduce((s, x) => s + Number(x), 0);
