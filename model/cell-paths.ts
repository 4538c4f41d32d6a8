// Cell paths, the data contract's dotted keys of table cells: `proactive.fees.amount` (table 二: row and
// column), `applications.received.total` (table 三), `review.total` (table 四: block and column). The one
// place that builds, splits and lists them, names their printed rows, and reads a cell of a report by its path.
import { APPLICANTS, APPLICATION_ROWS, PROACTIVE, REVIEW_BLOCKS, REVIEW_COLUMNS, TEMPLATES, type ReviewBlockKey, type TemplateId } from './templates.ts';

export type TableKey = 'proactive' | 'applications' | 'review';

/** Each table's name as the template prints it, in printed order. */
export const TABLE_NAMES: Record<TableKey, string> = { proactive: '表二', applications: '表三', review: '表四' };

/** `cellPath('applications', 'received', 'total')`, `cellPath('review', 'total')`. */
export const cellPath = (...parts: string[]): string => parts.join('.');

export interface SplitPath {
  /** The top-level key of the report holding the cell: proactive, applications, or a table 四 block. */
  key: string;
  /** Row of tables 二 and 三; absent for table 四. */
  row?: string;
  column: string;
  table: TableKey;
}

const REVIEW_KEYS = new Set<string>(REVIEW_BLOCKS.map((b) => b.key));

export function splitPath(path: string): SplitPath {
  return SPLIT.get(path) ?? split(path);
}

function split(path: string): SplitPath {
  const parts = path.split('.');
  if (parts.length === 2 && REVIEW_KEYS.has(parts[0]!)) return { key: parts[0]!, column: parts[1]!, table: 'review' };
  const [key, row, column] = parts as [string, string, string];
  return { key, row, column, table: key as TableKey };
}

export const tableOfPath = (path: string): TableKey => splitPath(path).table;

/** Table 四 prints one data row for its three blocks: its row id. */
export const REVIEW_ROW = 'review';

/**
 * The printed row a cell stands in, as the report's `printed` keys it: `applications.received`,
 * `proactive.licensing`; table 四 is one row, `review`.
 */
export const rowIdOf = (path: string): string => ROW_IDS.get(path) ?? rowIdFrom(path);

const rowIdFrom = (path: string): string => {
  const { key, row } = splitPath(path);
  return row === undefined ? REVIEW_ROW : cellPath(key, row);
};

/** A row id's table and, for tables 二 and 三, its row key. */
export const splitRowId = (rowId: string): { table: TableKey; row?: string } => {
  const [table, row] = rowId.split('.') as [TableKey, string | undefined];
  return row === undefined ? { table: 'review' } : { table, row };
};

/** Table 二's cells in printed order. */
export const proactivePaths = (template: TemplateId): string[] =>
  PROACTIVE[template].flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => cellPath('proactive', r.key, c.key))));

/** One row of table 三, its cells in printed order. */
export const applicationRowPaths = (row: string): string[] => APPLICANTS.map((c) => cellPath('applications', row, c.key));

/** Table 三's cells in printed order. */
export const applicationPaths = (template: TemplateId): string[] => APPLICATION_ROWS[template].flatMap((r) => applicationRowPaths(r.key));

/** One table 四 block, its cells in printed order. */
export const reviewBlockPaths = (block: ReviewBlockKey): string[] => REVIEW_COLUMNS.map((c) => cellPath(block, c.key));

/** Table 四's fifteen cells in printed order (both templates). */
export const REVIEW_PATHS: string[] = REVIEW_BLOCKS.flatMap((b) => reviewBlockPaths(b.key));

/** Each table's template in one report (mixed reports exist). */
export interface TableTemplates {
  proactive: TemplateId | null;
  applications: TemplateId | null;
}

/** Every cell a report with these tables has, table by table in printed order. */
export const reportPaths = (t: TableTemplates): string[] => [
  ...(t.proactive ? proactivePaths(t.proactive) : []),
  ...(t.applications ? applicationPaths(t.applications) : []),
  ...REVIEW_PATHS,
];

/** Every cell path of any template, once, with the templates that have it (the data dictionary's rows). */
export const ALL_PATHS: { path: string; templates: TemplateId[] }[] = (() => {
  const byPath = new Map<string, TemplateId[]>();
  const add = (path: string, t: TemplateId) => byPath.set(path, [...(byPath.get(path) ?? []), t]);
  for (const t of TEMPLATES) for (const p of [...proactivePaths(t), ...applicationPaths(t)]) add(p, t);
  for (const p of REVIEW_PATHS) for (const t of TEMPLATES) add(p, t);
  return [...byPath].map(([path, templates]) => ({ path, templates }));
})();

/** Every template's paths split once: pages split them per cell, hundreds of times per page. */
const SPLIT = new Map(ALL_PATHS.map(({ path }) => [path, Object.freeze(split(path))]));
const ROW_IDS = new Map(ALL_PATHS.map(({ path }) => [path, rowIdFrom(path)]));

/** Every cell a report has, with its path and value (null: a printed blank or "cannot tell"), table by table in printed order. */
export function* reportCells(report: { tableTemplates: TableTemplates }): Generator<{ path: string; value: number | null }> {
  for (const path of reportPaths(report.tableTemplates)) yield { path, value: cellOf(report, path) ?? null };
}

/** A cell of a report (or any object shaped like one): its number, null, or undefined where it has no such cell. */
export function cellOf(report: object, path: string): number | null | undefined {
  const { key, row, column } = splitPath(path);
  const table = (report as Record<string, unknown>)[key] as Record<string, unknown> | undefined;
  const holder = row === undefined ? table : (table?.[row] as Record<string, unknown> | undefined);
  const value = holder?.[column];
  return typeof value === 'number' || value === null ? value : undefined;
}

export interface CellMeaning {
  /** Row · column, as the template prints them. */
  label: string;
  /** Which table and block, in words. */
  meaning: string;
  /** 万元 for money, 件 for counts. */
  unit: string;
}

/** What a cell path means in `template` (table 四's cells mean the same in every template). */
export function cellMeaning(path: string, template: TemplateId): CellMeaning {
  const { key, row, column } = splitPath(path);
  if (key === 'proactive') {
    const block = PROACTIVE[template].find((b) => b.rows.some((r) => r.key === row))!;
    const r = block.rows.find((x) => x.key === row)!;
    const c = block.columns.find((x) => x.key === column)!;
    const money = (block.money as readonly string[] | undefined)?.includes(column) ?? false;
    return {
      label: `${r.label}·${c.label}`,
      meaning: `表二 ${block.caption} ${r.label}：${c.label}${money ? '（统一换算为万元，原文见 raw）' : ''}`,
      unit: money ? '万元' : '件',
    };
  }
  if (key === 'applications') {
    const r = APPLICATION_ROWS[template].find((x) => x.key === row)!;
    const c = APPLICANTS.find((x) => x.key === column)!;
    return { label: `${r.label}·${c.label}`, meaning: `表三 ${r.group ? `${r.group} ` : ''}${r.label}：申请人为${c.label}`, unit: '件' };
  }
  const b = REVIEW_BLOCKS.find((x) => x.key === key)!;
  const c = REVIEW_COLUMNS.find((x) => x.key === column)!;
  return { label: `${b.name}·${c.label}`, meaning: `表四 ${b.name}：${c.label}`, unit: '件' };
}
