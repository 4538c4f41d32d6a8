// The three statistics tables of a report as merged-cell grids, laid out from the template data as the
// national formats print them (report-format.md §3): T2 one table of 第二十条 blocks, T3 with its
// 3×3 note cell and merged group labels, T4 with its two header rows. Renderers turn these into text,
// HTML, Markdown or Word.
import { APPLICANTS, APPLICATION_ROWS, PROACTIVE, REVIEW_BLOCKS, REVIEW_COLUMNS, type TemplateId } from '../../model/templates.ts';

export interface Cell {
  /** Printed text; "\n" where a header breaks its line ("本年新\n制作数量"). */
  text: string;
  rowspan?: number;
  colspan?: number;
}

/** Rows of the cells that start in them, as HTML lists them. */
export type Table = Cell[][];

// Header labels the templates print that are not row or column labels.
const CONTENT = '信息内容';
const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const APPLICANT = '申请人情况';
const ORGANISATIONS = '法人或其他组织';
const RESULTS = '三、本年度办理结果';
const LITIGATION = '行政诉讼';

const T2_WIDTH = 4;

/** Header labels that reports break after 本年新 (report-format.md §3.1). */
const broken = (label: string, breakLines: boolean) => (breakLines ? label.replace(/^本年新/, '本年新\n') : label);

export function proactiveTable(template: TemplateId, text: (path: string) => string, breakLines: boolean): Table {
  const rows: Table = [];
  for (const block of PROACTIVE[template]) {
    rows.push([{ text: block.caption, colspan: T2_WIDTH }]);
    // The last column stretches to the table's width (单值 blocks print their value over three columns).
    const span = (i: number) => (i === block.columns.length - 1 ? T2_WIDTH - block.columns.length : 1);
    rows.push([{ text: CONTENT }, ...block.columns.map((c, i) => ({ text: broken(c.label, breakLines), colspan: span(i) }))]);
    for (const row of block.rows) {
      rows.push([{ text: row.label }, ...block.columns.map((c, i) => ({ text: text(`proactive.${row.key}.${c.key}`), colspan: span(i) }))]);
    }
  }
  return rows.map((r) => r.map(tidy));
}

export function applicationsTable(template: TemplateId, text: (path: string) => string): Table {
  const parts = APPLICANTS.slice(0, 6);
  const rows: Table = [
    [
      { text: T3_NOTE, colspan: 3, rowspan: 3 },
      { text: APPLICANT, colspan: APPLICANTS.length },
    ],
    [
      { text: parts[0].label, rowspan: 2 },
      { text: ORGANISATIONS, colspan: 5 },
      { text: APPLICANTS[6].label, rowspan: 2 },
    ],
    parts.slice(1).map((c) => ({ text: c.label })),
  ];
  const all = APPLICATION_ROWS[template];
  const results = all.filter((r) => r.group);
  const groupSize = (group: string) => all.filter((r) => r.group === group).length;
  for (const row of all) {
    const cells: Cell[] = [];
    if (row === results[0]) cells.push({ text: RESULTS, rowspan: results.length });
    if (!row.group) cells.push({ text: row.label, colspan: 3 });
    else if (!row.ordinal) cells.push({ text: row.label, colspan: 2 });
    else {
      if (all.find((r) => r.group === row.group) === row) cells.push({ text: row.group, rowspan: groupSize(row.group) });
      cells.push({ text: row.label });
    }
    rows.push([...cells, ...APPLICANTS.map((c) => ({ text: text(`applications.${row.key}.${c.key}`) }))]);
  }
  return rows.map((r) => r.map(tidy));
}

export function reviewTable(text: (path: string) => string): Table {
  const [review, ...suits] = REVIEW_BLOCKS;
  const width = REVIEW_COLUMNS.length;
  const rows: Table = [
    [
      { text: review.label, colspan: width },
      { text: LITIGATION, colspan: width * 2 },
    ],
    [...REVIEW_COLUMNS.map((c) => ({ text: c.label, rowspan: 2 })), ...suits.map((b) => ({ text: b.label.split('·')[1], colspan: width }))],
    suits.flatMap(() => REVIEW_COLUMNS.map((c) => ({ text: c.label }))),
    REVIEW_BLOCKS.flatMap((b) => REVIEW_COLUMNS.map((c) => ({ text: text(`${b.key}.${c.key}`) }))),
  ];
  return rows.map((r) => r.map(tidy));
}

/** Drop spans of 1 so renderers only see the real merges. */
function tidy(cell: Cell): Cell {
  const out: Cell = { text: cell.text };
  if ((cell.rowspan ?? 1) > 1) out.rowspan = cell.rowspan;
  if ((cell.colspan ?? 1) > 1) out.colspan = cell.colspan;
  return out;
}

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
