// Tables that were read as tables (HTML, Word, Markdown, tab-separated text): find each template
// row by its label and take the cells that follow it. Cell boundaries are known, so each row has
// exactly one reading unless cells are missing.
import { UNREADABLE, type TableBlock } from '../read/document.ts';
import { findFragment } from './anchors.ts';
import { readCell } from './read-cell.ts';
import { fold } from '../read/fold.ts';
import type { RowSpec } from './row-specs.ts';
import { readings } from '../solve/runs.ts';
import type { RowObservation } from '../solve/solve.ts';

interface GridRow {
  label: string;
  values: string[];
  /** Where the row stands in documentText (document.ts textLayout). */
  at?: [number, number];
}

/** Every table row split into its label (the text cells) and the cells after the last label; `at` says where each stands. */
export function gridRows(tables: TableBlock[], at: [number, number][] = []): GridRow[] {
  return tables
    .flatMap((t) => t.rows)
    .map((cells, k) => {
      let last = -1;
      // Text that could not be read holds a figure's place (pdf-layout.ts): it is no label.
      cells.forEach((c, i) => {
        if (readCell(c, true).unreadable && !c.includes(UNREADABLE)) last = i;
      });
      return { label: fold(cells.slice(0, last + 1).join('')), values: cells.slice(last + 1), at: at[k] };
    });
}

/** The observations of the spec rows found, in order, and where they stand; rows not found are left out. */
export function observeGrid(
  rows: GridRow[],
  specs: RowSpec[],
  from = 0,
): { found: Map<RowSpec, RowObservation>; at: Map<RowSpec, [number, number]>; next: number } {
  const found = new Map<RowSpec, RowObservation>();
  const at = new Map<RowSpec, [number, number]>();
  let pointer = from;
  for (const spec of specs) {
    // After the first row, look a few rows ahead only: a label matching much further down belongs
    // to another row.
    const end = found.size ? Math.min(rows.length, pointer + 6) : rows.length;
    for (let i = pointer; i < end; i++) {
      if (!rows[i].label || !findFragment(rows[i].label, spec.match, 0, undefined, spec.ordinal)) continue;
      found.set(spec, observation(spec, rows[i].values));
      if (rows[i].at) at.set(spec, rows[i].at!);
      pointer = i + 1;
      break;
    }
  }
  return { found, at, next: pointer };
}

/**
 * Table 四's figures: the first row after its header with at least fifteen cells and a figure; else such
 * a row printed all blank (a report that left table 四 empty printed blanks, it did not lose the row).
 */
export function observeReviewGrid(rows: GridRow[], spec: RowSpec, from: number): { row: RowObservation; at?: [number, number] } | undefined {
  let header = false;
  let blank: GridRow | undefined;
  for (let i = from; i < rows.length; i++) {
    if (findFragment(rows[i].label, spec.match, 0)) header = true;
    else if (header && rows[i].values.length >= spec.paths.length) {
      if (rows[i].values.some((v) => v.trim())) return { row: observation(spec, rows[i].values), at: rows[i].at };
      if (!rows[i].label) blank ??= rows[i];
    }
  }
  return blank && { row: observation(spec, blank.values), at: blank.at };
}

function observation(spec: RowSpec, values: string[]): RowObservation {
  const cells = mergedOnce(trimPadding(values, spec.paths.length, spec.padding), spec.paths.length);
  const result = readings(
    cells.map((text) => ({ text, kind: 'cell' as const })),
    spec.paths.length,
    { money: spec.money },
  );
  return { paths: spec.paths, label: spec.label, printed: cells.join(' | '), readings: result };
}

/**
 * A one-figure block whose figure spans the table's columns, written in every column it spans (as pandas
 * writes merged cells: "行政许可 | 126 | 126 | 126"), is that one figure.
 */
function mergedOnce(cells: string[], n: number): string[] {
  const texts = new Set(cells.map((c) => c.trim()));
  return n === 1 && cells.length > 1 && texts.size === 1 ? [cells[0]] : cells;
}

/** Drop empty cells left by merged cells, from the padded end first. */
function trimPadding(values: string[], n: number, padding: RowSpec['padding']): string[] {
  const cells = [...values];
  const empty = (s: string | undefined) => s !== undefined && s.trim() === '';
  const fromEnd = () => (cells.length > n && empty(cells.at(-1)) ? (cells.pop(), true) : false);
  const fromStart = () => (cells.length > n && empty(cells[0]) ? (cells.shift(), true) : false);
  const [first, second] = padding === 'after' ? [fromEnd, fromStart] : [fromStart, fromEnd];
  while (first());
  while (second());
  return cells;
}
