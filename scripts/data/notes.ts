// Failed checks and warnings of one report as lines for `nianbao check` and checks.csv.
import type { Report } from '../../model/report.ts';

export interface Note {
  report: string;
  file: string;
  agency: string;
  year: number;
  rule: string;
  scope: string;
  result: 'fail' | 'undecided' | 'warning';
  expected: number | null;
  actual: number | null;
  message: string;
  /** For an undecided check: the cells it needed that nianbao could not tell (`path=reason;…`); the others it needed were blank. */
  unknown: string;
  /** Where the report was published, so a finding can be checked against the original. */
  sourceUrl: string | null;
}

export function notesOf(r: Report): Note[] {
  const base = { report: r.id, file: r.file, agency: r.agency, year: r.year, sourceUrl: r.sourceUrl };
  return [
    ...r.checks
      .filter((c) => c.ok !== true)
      .map((c) => ({
        ...base,
        rule: c.rule,
        scope: c.scope,
        result: c.ok === false ? ('fail' as const) : ('undecided' as const),
        expected: c.expected,
        actual: c.actual,
        message: c.message,
        unknown: c.cells
          .filter((p) => p in (r.unknown ?? {}))
          .map((p) => `${p}=${r.unknown[p]}`)
          .join(';'),
      })),
    ...r.warnings.map((w) => ({ ...base, rule: w.code, scope: '', result: 'warning' as const, expected: null, actual: null, message: w.message, unknown: '' })),
  ];
}

export const NOTE_FIELDS = ['report', 'agency', 'year', 'rule', 'scope', 'result', 'expected', 'actual', 'message', 'unknown', 'sourceUrl'];
