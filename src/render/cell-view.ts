// What one table cell shows: its value, whether it was blank, the printed text when it was not a plain
// integer, its mark (model/marks.ts) and the findings that name it: failed checks, and the warnings that say
// the report contradicts itself there (R13: the prose gives another figure; R8: last year's carry-over).
// data-contract.md: `checks[].cells`, `warnings[].cells`.
import type { Report } from '../../model/report.ts';
import { isContradiction, type UnknownReason } from '../../model/diagnostics.ts';
import { ALL_PATHS, cellOf, rowIdOf } from '../../model/cell-paths.ts';
import { checkAnchor, warningAnchor } from '../../model/notes.ts';
import { cellMarks, type Grade, type Parts } from '../../model/marks.ts';

export interface Finding {
  kind: 'failed' | 'warning';
  rule: string;
  message: string;
  cells: string[];
  /** Id of the finding's entry on the report page, which the cell markers link to. */
  anchor: string;
}

export interface CellView {
  path: string;
  value: number | null;
  /** Text as printed, when it was not a plain integer ("—", "0.27亿元"). */
  raw: string | undefined;
  /** Why nianbao could not tell the cell (value null and not a printed blank), from the report's `unknown`. */
  unknown?: UnknownReason;
  /** Where the cell's row was printed, on the report's 原文 page (absent until the parser records it). */
  source?: string;
  /** Its mark: ⚠ failed, ？ unknown, or cut by the arithmetic (a quiet note); null when there is nothing to say. */
  grade: Grade | null;
  /** For a printed total its parts contradict: what they add up to. */
  parts: Parts[];
  findings: Finding[];
}

const anchor = (prefix: string, dotted: string) => `${prefix}-${dotted.replace(/\./g, '-')}`;

/** Id of a cell on the report page, which the report's summary in words links to. */
export const cellAnchor = (path: string) => CELL_ANCHORS.get(path) ?? anchor('cell', path);

/** Anchor of a printed row on the 原文 page. */
export const rowAnchor = (rowId: string) => ROW_ANCHORS.get(rowId) ?? anchor('row', rowId);

// Every template's cells and rows, derived once: a report page asks for each of its ~230 cells.
const CELL_ANCHORS = new Map(ALL_PATHS.map(({ path }) => [path, anchor('cell', path)]));
const ROW_ANCHORS = new Map([...new Set(ALL_PATHS.map(({ path }) => rowIdOf(path)))].map((id) => [id, anchor('row', id)]));

/** Failed checks and the warnings that the report contradicts itself, in report order, each with its anchor. */
export function findingsOf(r: Report): Finding[] {
  const failed = r.checks.flatMap((c, i) =>
    c.ok === false ? [{ kind: 'failed' as const, rule: c.rule, message: c.message, cells: [...new Set(c.cells)], anchor: checkAnchor(i) }] : [],
  );
  const warned = r.warnings.flatMap((w, i) =>
    w.cells?.length && isContradiction(w.code)
      ? [{ kind: 'warning' as const, rule: w.code, message: w.message, cells: [...new Set(w.cells)], anchor: warningAnchor(i, w) }]
      : [],
  );
  return [...failed, ...warned];
}

/** `sourceHref` is the report's 原文 page: a cell links to its row there when the parser placed the row. */
export function cellViews(r: Report, findings: Finding[], sourceHref?: string) {
  const marks = cellMarks(r);
  /** `cell('applications.received.total')` or `cell('review.total')`. */
  return (path: string): CellView => {
    const value = cellOf(r, path) ?? null;
    const row = rowIdOf(path);
    const unknown = value === null ? r.unknown[path] : undefined;
    return {
      path,
      value,
      raw: r.raw[path],
      unknown,
      source: sourceHref && r.printed[row] ? `${sourceHref}#${rowAnchor(row)}` : undefined,
      grade: marks.grade(path),
      parts: marks.parts(path),
      // A cell that reads ？ with its reason is not marked ⚠ as well: its value is not shown.
      findings: unknown ? [] : findings.filter((f) => f.cells.includes(path)),
    };
  };
}
export type CellLookup = ReturnType<typeof cellViews>;

export const FINDING_LABELS: Record<Finding['kind'], string> = { failed: '未通过', warning: '疑点' };
