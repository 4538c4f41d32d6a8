// The rows to look for in a report, from the template data: where each row's cells go (dotted
// paths), which of them are money, and how merged cells pad a row in real tables.
import { applicationRowPaths, cellPath, REVIEW_PATHS, type TableKey } from '../../../model/cell-paths.ts';
import { APPLICANTS, APPLICATION_ROWS, HEADER_WORDS, PROACTIVE, type TemplateId } from '../../../model/templates.ts';

export interface RowSpec {
  table: TableKey;
  label: string;
  match: string[];
  ordinal?: string;
  paths: string[];
  money: boolean[];
  /**
   * Which end of a table row holds padding from merged cells: table 二's single-figure blocks span
   * the empty columns after the figure; table 三's two-column labels leave an empty cell before.
   */
  padding: 'before' | 'after';
}

export function proactiveSpecs(template: TemplateId): RowSpec[] {
  return PROACTIVE[template].flatMap((block) =>
    block.rows.map((row) => ({
      table: 'proactive' as const,
      label: row.label,
      match: row.match,
      paths: block.columns.map((c) => cellPath('proactive', row.key, c.key)),
      money: block.columns.map((c) => block.money?.includes(c.key) ?? false),
      padding: 'after' as const,
    })),
  );
}

export function applicationSpecs(template: TemplateId): RowSpec[] {
  return APPLICATION_ROWS[template].map((row) => ({
    table: 'applications',
    label: row.label,
    match: row.match,
    ordinal: row.ordinal,
    paths: applicationRowPaths(row.key),
    money: APPLICANTS.map(() => false),
    padding: 'before',
  }));
}

/** Table 四 is one row of fifteen cells (report-format.md §3.1). */
export const REVIEW_SPEC: RowSpec = {
  table: 'review',
  label: HEADER_WORDS.review.caption,
  match: ['结果维持', '尚未审结'],
  paths: REVIEW_PATHS,
  money: REVIEW_PATHS.map(() => false),
  padding: 'before',
};
