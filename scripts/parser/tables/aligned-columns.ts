// pdftotext -layout keeps a table's columns aligned with spaces. A row that printed fewer figures
// than it has cells left some cells blank; which ones shows in where its figures stand, measured
// against the rows that printed every figure. Crawled text has no such alignment, and the check
// that the full rows agree on their columns keeps this from applying there.
import type { Atom } from '../solve/runs.ts';

export interface PlacedRow {
  atoms: Atom[];
  /** Absolute offsets of the atoms in the text. */
  offsets: number[];
}

/**
 * For each short row (by index) that lines up, its cells: the figure printed in each column, or ""
 * for a blank. Columns come from the nearest full rows (pages of a PDF shift the whole table).
 */
export function alignShortRows(text: string, rows: PlacedRow[], n: number): Map<number, string[]> {
  const placed = rows.map((r) => place(text, r));
  const full = placed.filter((p) => p && p.columns.length === n) as Placement[];
  const aligned = new Map<number, string[]>();
  if (full.length < 3 || new Set(full.map((p) => p.line)).size !== full.length) return aligned;
  placed.forEach((p, k) => {
    if (!p || p.columns.length >= n || rows[k].atoms.some((a) => a.kind !== 'number' && a.kind !== 'placeholder')) return;
    const centers = columnsNear(full, p.line, n);
    if (!centers) return;
    const gap = Math.min(...centers.slice(1).map((c, i) => c - centers[i]));
    if (gap < 2) return;
    const cells = Array<string>(n).fill('');
    let last = -1;
    for (const [i, column] of p.columns.entries()) {
      const j = centers.findIndex((c) => Math.abs(column - c) < gap / 2);
      if (j <= last) return;
      cells[j] = rows[k].atoms[i].text;
      last = j;
    }
    aligned.set(k, cells);
  });
  return aligned;
}

/** Column positions agreed by the two or three nearest full rows above, else below. */
function columnsNear(full: Placement[], line: number, n: number): number[] | undefined {
  const above = full.filter((f) => f.line < line).sort((a, b) => b.line - a.line);
  const below = full.filter((f) => f.line > line).sort((a, b) => a.line - b.line);
  for (const side of [above, below]) {
    const near = side.slice(0, 3);
    if (near.length < 2) continue;
    const centers = Array.from({ length: n }, (_, i) => median(near.map((f) => f.columns[i])));
    if (near.every((f) => f.columns.every((c, i) => Math.abs(c - centers[i]) <= 2))) return centers;
  }
  return undefined;
}

interface Placement {
  line: number;
  /** The column each figure ends at (figures are right-aligned in their cells). */
  columns: number[];
}

function place(text: string, row: PlacedRow): Placement | undefined {
  if (!row.atoms.length) return undefined;
  const lineStart = text.lastIndexOf('\n', row.offsets[0]) + 1;
  const lineEnd = text.indexOf('\n', row.offsets[0]);
  if (row.offsets.some((o) => o < lineStart || (lineEnd >= 0 && o > lineEnd))) return undefined;
  return { line: lineStart, columns: row.atoms.map((a, i) => row.offsets[i] - lineStart + a.text.length) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
