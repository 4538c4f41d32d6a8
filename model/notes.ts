// A report's findings (failed or undecided checks, warnings) as lines: for `nianbao check`, checks.csv,
// the quality list and the feeds of failed checks. The data stage writes every report's into notes.json,
// so pages spanning the corpus never read the reports themselves.
import type { Report } from './report.ts';

/** Id of `report.checks[index]` on the report page (other pages link to it). */
export const checkAnchor = (index: number) => `check-${index + 1}`;
/** Id of `report.warnings[index]` on the report page, for a warning about cells; the others are the page's notice. */
export const warningAnchor = (index: number, w: { cells?: string[] }) => (w.cells?.length ? `warning-${index + 1}` : 'main');

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
  /** Where the finding is shown on its report page (not a checks.csv column). */
  anchor: string;
}

export function notesOf(r: Report): Note[] {
  const base = { report: r.id, file: r.file, agency: r.agency, year: r.year, sourceUrl: r.sourceUrl };
  return [
    ...r.checks.flatMap((c, i) =>
      c.ok === true
        ? []
        : {
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
            anchor: checkAnchor(i),
          },
    ),
    ...r.warnings.map((w, i) => ({
      ...base,
      rule: w.code,
      scope: '',
      result: 'warning' as const,
      expected: null,
      actual: null,
      message: w.message,
      unknown: '',
      anchor: warningAnchor(i, w),
    })),
  ];
}

export const NOTE_FIELDS = ['report', 'agency', 'year', 'rule', 'scope', 'result', 'expected', 'actual', 'message', 'unknown', 'sourceUrl'];
