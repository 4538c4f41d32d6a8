// A report's findings (failed or undecided checks, warnings) as lines: for `nianbao check`, checks.csv,
// the quality list and the feeds of failed checks. The data stage writes every report's into notes.json,
// so pages spanning the corpus never read the reports themselves.
import type { Report } from './report.ts';
import { CHECK_RULES, diagnostic, diagnostics, type Code, type Severity } from './diagnostics.ts';
import type { QualityStatus } from './page-data.ts';

/** Id of `report.checks[index]` on the report page (other pages link to it). */
export const checkAnchor = (index: number) => `check-${index + 1}`;
/** Id of `report.warnings[index]` on the report page, for a warning about cells; the others are the page's notice. */
export const warningAnchor = (index: number, w: { cells?: string[] }) => (w.cells?.length ? `warning-${index + 1}` : 'main');

export interface Note {
  report: string;
  file: string;
  agency: string;
  year: number;
  rule: Code;
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

/** checks.csv's columns, with their Chinese names and meanings (the data dictionary of checks.csv and its Parquet). */
export const NOTE_COLUMNS = [
  { key: 'report', label: '报告编号', meaning: '报告的稳定编号，网址 /reports/<id>/', type: 'string' },
  { key: 'agency', label: '机构', meaning: '报告中给出的机构全称', type: 'string' },
  { key: 'year', label: '年度', meaning: '统计数据所属年度', type: 'integer' },
  {
    key: 'rule',
    label: '规则',
    meaning: `核对规则（${CHECK_RULES[0]}–${CHECK_RULES.at(-1)} 报告自身的一致性核对，${diagnostics('contradiction')
      .map((d) => `${d.code} ${d.name}`)
      .join('，')}）`,
    type: 'string',
  },
  { key: 'scope', label: '范围', meaning: '规则核对的列、行或表四的块', type: 'string' },
  { key: 'result', label: '结果', meaning: 'fail 未通过，undecided 因单元格空白或无法确定而无法判断，warning 提示', type: 'string' },
  { key: 'expected', label: '应为', meaning: '按规则应得的数', type: 'number' },
  { key: 'actual', label: '实为', meaning: '报告印出的数', type: 'number' },
  { key: 'message', label: '说明', meaning: '问题的说明，列出两边的数字', type: 'string' },
  {
    key: 'unknown',
    label: '无法确定的单元格',
    meaning: '无法判断的核对所需而无法确定的单元格及原因（path=reason，分号分隔）；为空而结果为 undecided 时，所需单元格是原表空白',
    type: 'string',
  },
  { key: 'sourceUrl', label: '原文网址', meaning: '报告原文的网址，未记录时为空', type: 'string' },
] as const;

export const NOTE_FIELDS: string[] = NOTE_COLUMNS.map((c) => c.key);

/** checks.csv's lines: every failed or undecidable check, and the contradictions (R8, R13); the parser's other doubts are on the report page. */
export const inChecksCsv = (n: Note): boolean => n.result !== 'warning' || diagnostic(n.rule).severity === 'contradiction';

/** A warning's status by its code's severity (a check's rule is never a warning's code). */
const WARNING_STATUS: Record<Exclude<Severity, 'check'>, QualityStatus> = { contradiction: 'warning', 'cannot-tell': 'unknown', note: 'note' };

/**
 * A finding as the marks grade it (model/marks.ts): a failed check or a contradiction (R13, R8) is ⚠; a check
 * that could not be decided, or a warning that cells could not be told, is ？; any other warning (figures cut
 * by the arithmetic, tables in two formats, a date taken from the page) is a note, with no sign.
 */
export const noteStatus = (n: Pick<Note, 'result' | 'rule'>): QualityStatus =>
  n.result === 'fail' ? 'failed' : n.result === 'undecided' ? 'undecided' : WARNING_STATUS[diagnostic(n.rule).severity as Exclude<Severity, 'check'>];

/** The quality list's order of statuses: what needs care first. */
export const STATUS_ORDER: QualityStatus[] = ['failed', 'warning', 'undecided', 'unknown', 'note'];
