// The three statistics tables of a report as merged-cell grids of printed text, from the one layout of
// each table (model/table-layout.ts) that the report page and the Markdown download use too. Renderers
// turn these into text, HTML, Markdown or Word.
import { tableGrid, tableLayout, type TableLayout } from '../../model/table-layout.ts';
import type { TemplateId } from '../../model/templates.ts';

export interface Cell {
  /** Printed text; "\n" where a header breaks its line ("本年新\n制作数量"). */
  text: string;
  rowspan?: number;
  colspan?: number;
}

/** Rows of the cells that start in them, as HTML lists them. */
export type Table = Cell[][];

/** Header labels that reports break after 本年新 (report-format.md §3.1). */
const broken = (label: string, breakLines: boolean) => (breakLines ? label.replace(/^本年新/, '本年新\n') : label);

/** A table as the template prints it (model/table-layout.ts), each report cell's text from `text`. */
function printed(layout: TableLayout, text: (path: string) => string, breakLines = false): Table {
  return tableGrid(layout).map((row) =>
    row.cells.map((c) => ({
      text: c.path ? text(c.path) : c.kind === 'col' ? broken(c.text!, breakLines) : c.text!,
      ...(c.rowspan ? { rowspan: c.rowspan } : {}),
      ...(c.colspan ? { colspan: c.colspan } : {}),
    })),
  );
}

export const proactiveTable = (template: TemplateId, text: (path: string) => string, breakLines: boolean): Table =>
  printed(tableLayout('proactive', template), text, breakLines);
export const applicationsTable = (template: TemplateId, text: (path: string) => string): Table => printed(tableLayout('applications', template), text);
export const reviewTable = (text: (path: string) => string): Table => printed(tableLayout('review'), text);

export interface Slot {
  cell: Cell;
  /** The slot where the cell starts (its text belongs here). */
  origin: boolean;
  /** Covered by a merge from the row above (Word's vertical-merge continuation). */
  continued: boolean;
}

/** The full grid: one slot per row and column, merged cells repeated in every slot they cover. */
export function grid(table: Table): Slot[][] {
  const out: Slot[][] = table.map(() => []);
  table.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (out[r][c]) c++;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) {
          out[r + dr][c + dc] = { cell, origin: dr === 0 && dc === 0, continued: dr > 0 };
        }
      }
      c += cell.colspan ?? 1;
    }
  });
  return out;
}
