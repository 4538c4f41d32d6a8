// The three statistics tables laid out as the official templates print them (report-format.md §3.1), from the
// template data: table 二 a section per 第二十条 item under its caption; table 三 the 勾稽 note in the corner,
// 申请人情况 over 自然人, 法人或其他组织 (five kinds) and 总计, its rows under merged group labels
// (三、本年度办理结果 › （三）不予公开 …); table 四 one row under 行政复议 and 行政诉讼's two blocks. The report
// page, the Markdown download and the synthetic corpus all render from these layouts.
import { applicationRowPaths, cellPath, REVIEW_PATHS, type TableKey } from './cell-paths.ts';
import { APPLICANTS, APPLICATION_ROWS, HEADER_WORDS, PROACTIVE, REVIEW_BLOCKS, REVIEW_COLUMNS, TEMPLATES, type Row, type TemplateId } from './templates.ts';

/** One part of a table: value columns under their headers, rows beside their labels. */
export interface Section {
  /** A full-width caption row over the section (table 二's 第二十条 items). */
  caption?: string;
  /** What the corner over the row labels prints: a column header (信息内容) or a note (table 三's 勾稽 note). */
  corner?: { text: string; note?: true };
  /** Each value column under the chain of headers printed over it, top first. */
  columns: { heads: string[] }[];
  /** Each row beside the chain of labels printed left of it, outermost first, with its cells' paths. */
  rows: { labels: string[]; paths: string[] }[];
}

export interface TableLayout {
  table: TableKey;
  caption: string;
  sections: Section[];
  /** Value columns of the widest section: a narrower section's last column stretches to it, as the template prints. */
  width: number;
}

/** A merged row label printed like "三、…" is an outer group; one like "（三）…" sits inside the outer group around it. */
const isInner = (group: string) => group.startsWith('（');

/** Table 三's rows' label chains: [outer group?, inner group?, label]. */
function rowLabels(rows: Row[]): string[][] {
  let outer: string | undefined;
  return rows.map((row) => {
    if (!row.group) outer = undefined;
    else if (!isInner(row.group)) outer = row.group;
    const inner = row.group && isInner(row.group) ? row.group : undefined;
    return [row.group ? outer : undefined, inner, row.label].filter((x): x is string => x !== undefined);
  });
}

const heads = (c: { label: string; group?: string }, ...above: string[]) => [...above, ...(c.group ? [c.group] : []), c.label];

function proactiveLayout(template: TemplateId): TableLayout {
  const blocks = PROACTIVE[template];
  const sections = blocks.map((b) => ({
    caption: b.caption,
    corner: { text: HEADER_WORDS.proactive.rowHeader },
    columns: b.columns.map((c) => ({ heads: [c.label] })),
    rows: b.rows.map((r) => ({ labels: [r.label], paths: b.columns.map((c) => cellPath('proactive', r.key, c.key)) })),
  }));
  return { table: 'proactive', caption: HEADER_WORDS.proactive.caption, sections, width: Math.max(...blocks.map((b) => b.columns.length)) };
}

function applicationsLayout(template: TemplateId): TableLayout {
  const rows = APPLICATION_ROWS[template];
  const labels = rowLabels(rows);
  const section: Section = {
    corner: { text: HEADER_WORDS.applications.note, note: true },
    columns: APPLICANTS.map((c) => ({ heads: heads(c, HEADER_WORDS.applications.columnsHeader) })),
    rows: rows.map((r, i) => ({ labels: labels[i]!, paths: applicationRowPaths(r.key) })),
  };
  return { table: 'applications', caption: HEADER_WORDS.applications.caption, sections: [section], width: APPLICANTS.length };
}

function reviewLayout(): TableLayout {
  const columns = REVIEW_BLOCKS.flatMap((b) => REVIEW_COLUMNS.map((c) => ({ heads: [...heads(b), c.label] })));
  const section: Section = { columns, rows: [{ labels: [], paths: REVIEW_PATHS }] };
  return { table: 'review', caption: HEADER_WORDS.review.caption, sections: [section], width: columns.length };
}

const LAYOUTS = {
  proactive: Object.fromEntries(TEMPLATES.map((t) => [t, proactiveLayout(t)])) as Record<TemplateId, TableLayout>,
  applications: Object.fromEntries(TEMPLATES.map((t) => [t, applicationsLayout(t)])) as Record<TemplateId, TableLayout>,
  review: reviewLayout(),
};

/** A table's layout in a template; table 四's is the same in every template. */
export function tableLayout(table: 'review'): TableLayout;
export function tableLayout(table: TableKey, template: TemplateId): TableLayout;
export function tableLayout(table: TableKey, template?: TemplateId): TableLayout {
  return table === 'review' ? LAYOUTS.review : LAYOUTS[table][template!];
}

/** A cell of the printed grid: header words, or the slot of a report's cell. */
export interface GridCell {
  /** Header words; absent in a report's cell. */
  text?: string;
  /** The report's cell printed here. */
  path?: string;
  rowspan?: number;
  colspan?: number;
  /**
   * caption: a section's caption row; note: the corner's note; col/colgroup: a column header over one
   * column or a group; row/rowgroup: a row's own label or a merged group label; value: a report's cell.
   */
  kind: 'caption' | 'note' | 'col' | 'colgroup' | 'row' | 'rowgroup' | 'value';
  /** A rowgroup's depth: 0 the outermost. */
  level?: number;
}
export interface GridRow {
  /** A header row (above the section's values). */
  head: boolean;
  cells: GridCell[];
}

const spans = (cell: GridCell): GridCell => {
  if (cell.rowspan === 1) delete cell.rowspan;
  if (cell.colspan === 1) delete cell.colspan;
  return cell;
};
const samePrefix = (a: string[] | undefined, b: string[], n: number) => a !== undefined && a.length > n && b.slice(0, n + 1).every((x, i) => a[i] === x);

/** A section as printed: merged cells listed in the row they start in, as HTML lists them. */
export function sectionGrid(section: Section, width: number): GridRow[] {
  const depth = Math.max(...section.columns.map((c) => c.heads.length));
  const labelDepth = Math.max(0, ...section.rows.map((r) => r.labels.length));
  const n = section.columns.length;
  /** A narrower section's last column stretches to the table's width. */
  const stretch = (i: number) => (i === n - 1 ? width - n + 1 : 1);
  const out: GridRow[] = [];
  if (section.caption) out.push({ head: true, cells: [spans({ text: section.caption, kind: 'caption', colspan: labelDepth + width })] });
  for (let level = 0; level < depth; level++) {
    const cells: GridCell[] = [];
    if (level === 0 && section.corner) {
      cells.push(spans({ text: section.corner.text, kind: section.corner.note ? 'note' : 'col', rowspan: depth, colspan: labelDepth }));
    }
    section.columns.forEach(({ heads }, i) => {
      if (level >= heads.length || samePrefix(section.columns[i - 1]?.heads, heads, level)) return;
      if (level === heads.length - 1) cells.push(spans({ text: heads[level], kind: 'col', rowspan: depth - level, colspan: stretch(i) }));
      else {
        let span = 1;
        while (samePrefix(section.columns[i + span]?.heads, heads, level)) span++;
        cells.push(spans({ text: heads[level], kind: span > 1 ? 'colgroup' : 'col', colspan: span }));
      }
    });
    out.push({ head: true, cells });
  }
  section.rows.forEach(({ labels, paths }, r) => {
    const cells: GridCell[] = [];
    labels.forEach((label, level) => {
      if (level === labels.length - 1) return void cells.push(spans({ text: label, kind: 'row', colspan: labelDepth - level }));
      if (samePrefix(section.rows[r - 1]?.labels, labels, level)) return;
      let span = 1;
      while (samePrefix(section.rows[r + span]?.labels, labels, level)) span++;
      cells.push(spans({ text: label, kind: 'rowgroup', level, rowspan: span }));
    });
    paths.forEach((path, i) => cells.push(spans({ path, kind: 'value', colspan: stretch(i) })));
    out.push({ head: false, cells });
  });
  return out;
}

/** A whole table as printed, section after section. */
export const tableGrid = (layout: TableLayout): GridRow[] => layout.sections.flatMap((s) => sectionGrid(s, layout.width));

/** A section for a plain table without merged cells (Markdown): its header line, its lines (row label, then cell paths). */
export interface FlatTable {
  caption?: string;
  head: string[];
  rows: { label: string; paths: string[] }[];
}

/**
 * A section flattened for a format without merged cells: a column is named by its headers joined with ·,
 * less the top one when it covers every column (申请人情况); a row by its labels joined with a space. A
 * section of one unlabelled row whose columns repeat under several groups (table 四) is written a line per group.
 */
export function flatTable(section: Section): FlatTable {
  const shared = section.columns.every((c) => c.heads.length > 1 && c.heads[0] === section.columns[0]!.heads[0]) ? 1 : 0;
  const corner = section.corner && !section.corner.note ? section.corner.text : '';
  const only = section.rows.length === 1 && section.rows[0]!.labels.length === 0 ? section.rows[0]! : undefined;
  if (only) {
    const groups = new Map<string, number[]>();
    section.columns.forEach((c, i) => {
      const group = c.heads.slice(shared, -1).join('·');
      groups.set(group, [...(groups.get(group) ?? []), i]);
    });
    const leaves = (indices: number[]) => indices.map((i) => section.columns[i]!.heads.at(-1)!).join('|');
    const [first, ...rest] = [...groups.values()];
    if (rest.length > 0 && rest.every((g) => leaves(g) === leaves(first!)))
      return {
        caption: section.caption,
        head: [corner, ...first!.map((i) => section.columns[i]!.heads.at(-1)!)],
        rows: [...groups].map(([group, indices]) => ({ label: group, paths: indices.map((i) => only.paths[i]!) })),
      };
  }
  return {
    caption: section.caption,
    head: [corner, ...section.columns.map((c) => c.heads.slice(shared).join('·'))],
    rows: section.rows.map((r) => ({ label: r.labels.join(' '), paths: r.paths })),
  };
}
