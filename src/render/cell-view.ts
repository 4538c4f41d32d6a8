// What one table cell shows: its value, whether it was blank, the printed text when it was not a plain
// integer, and the findings that name it: failed checks, and warnings about cells such as R13 (the
// prose gives another figure than the table). data-contract.md: `checks[].cells`, `warnings[].cells`.
import type { Report } from '../../model/report.ts';

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
  findings: Finding[];
}

/** Anchor of `report.checks[index]` on the report page (other pages link to it). */
export const checkAnchor = (index: number) => `check-${index + 1}`;

/** Failed checks and cell warnings, in report order, each with its anchor. */
export function findingsOf(r: Report): Finding[] {
  const failed = r.checks.flatMap((c, i) =>
    c.ok === false ? [{ kind: 'failed' as const, rule: c.rule, message: c.message, cells: [...new Set(c.cells)], anchor: checkAnchor(i) }] : [],
  );
  const warned = r.warnings.flatMap((w, i) =>
    w.cells?.length ? [{ kind: 'warning' as const, rule: w.code, message: w.message, cells: [...new Set(w.cells)], anchor: `warning-${i + 1}` }] : [],
  );
  return [...failed, ...warned];
}

export function cellViews(r: Report, findings: Finding[]) {
  /** `cell('applications', 'received', 'total')` or `cell('review', 'total')`. */
  return (...keys: string[]): CellView => {
    const path = keys.join('.');
    const value = keys.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], r);
    return { path, value: typeof value === 'number' ? value : null, raw: r.raw[path], findings: findings.filter((f) => f.cells.includes(path)) };
  };
}
export type CellLookup = ReturnType<typeof cellViews>;

/** Which of the three tables a dotted path belongs to, for listing a finding under its table. */
export const tableOf = (path: string): 'proactive' | 'applications' | 'review' =>
  path.startsWith('proactive.') ? 'proactive' : path.startsWith('applications.') ? 'applications' : 'review';

export const FINDING_LABELS: Record<Finding['kind'], string> = { failed: '未通过', warning: '疑点' };
