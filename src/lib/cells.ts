// What one table cell shows: its value, whether it was blank, the printed text when it was not a plain
// integer, and the failed checks that name it (data-contract.md, `checks[].cells`).
import type { Check, Report } from '../model/report.ts';

export interface CellView {
  path: string;
  value: number | null;
  /** Text as printed, when it was not a plain integer ("—", "0.27亿元"). */
  raw: string | undefined;
  /** Failed checks that compared this cell. */
  failed: Check[];
}

/** Anchor of a check in the list under its table, so a cell's marker can link to it. */
export const checkAnchor = (index: number) => `check-${index + 1}`;

export function cellViews(r: Report) {
  const failedBy = new Map<string, Check[]>();
  for (const c of r.checks) {
    if (c.ok !== false) continue;
    for (const path of c.cells) failedBy.set(path, [...(failedBy.get(path) ?? []), c]);
  }
  /** `cell('applications', 'received', 'total')` or `cell('review', 'total')`. */
  return (...keys: string[]): CellView => {
    const path = keys.join('.');
    const value = keys.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], r);
    return { path, value: typeof value === 'number' ? value : null, raw: r.raw[path], failed: failedBy.get(path) ?? [] };
  };
}

/** Which of the three tables a dotted path belongs to, for listing failed checks under their table. */
export const tableOf = (path: string): 'proactive' | 'applications' | 'review' =>
  path.startsWith('proactive.') ? 'proactive' : path.startsWith('applications.') ? 'applications' : 'review';
