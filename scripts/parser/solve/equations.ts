// The consistency rules R1–R4 (report-format.md §4) as equations over dotted cell paths, left sum =
// right sum. The same equations check a parsed report (checks.ts) and, for text whose cells ran
// together, choose among the possible cell boundaries (solve.ts).
import { cellPath } from '../../../model/cell-paths.ts';
import { APPLICANTS, APPLICANT_PARTS, APPLICATION_ROWS, REVIEW_BLOCKS, REVIEW_PARTS, outcomeRows, type TemplateId } from '../../../model/templates.ts';

export interface Equation {
  rule: 'R1' | 'R2' | 'R3' | 'R4';
  scope: string;
  left: string[];
  right: string[];
  /** How the two sides are named in messages. */
  leftName: string;
  rightName: string;
}

const colLabel = Object.fromEntries(APPLICANTS.map((c) => [c.key, c.label]));
const app = (row: string, col: string) => cellPath('applications', row, col);

const built = new Map<TemplateId | null, Equation[]>();

/**
 * R1–R3 over table 三 in the rows of its template (none when there is no table 三), and R4 over
 * table 四, which both templates share. Built once each.
 */
export function equations(applications: TemplateId | null): Equation[] {
  let eqs = built.get(applications);
  if (!eqs) built.set(applications, (eqs = [...(applications ? applicationEquations(applications) : []), ...reviewEquations()]));
  return eqs;
}

function applicationEquations(template: TemplateId): Equation[] {
  const rows = APPLICATION_ROWS[template];
  const outcomes = outcomeRows(template);
  const eqs: Equation[] = [];
  for (const c of APPLICANTS) {
    eqs.push({
      rule: 'R1',
      scope: c.key,
      left: [app('received', c.key), app('carriedOver', c.key)],
      right: [app('resultsTotal', c.key), app('carriedForward', c.key)],
      leftName: `${c.label}：一＋二`,
      rightName: '三（七）总计＋四',
    });
    eqs.push({
      rule: 'R2',
      scope: c.key,
      left: [app('resultsTotal', c.key)],
      right: outcomes.map((r) => app(r, c.key)),
      leftName: `${c.label}：（七）总计`,
      rightName: '（一）至（六）各项之和',
    });
  }
  for (const r of rows) {
    eqs.push({
      rule: 'R3',
      scope: r.key,
      left: [app(r.key, 'total')],
      right: APPLICANT_PARTS.map((c) => app(r.key, c)),
      leftName: `${r.short}：总计`,
      rightName: APPLICANT_PARTS.map((c) => colLabel[c]).join('＋'),
    });
  }
  return eqs;
}

function reviewEquations(): Equation[] {
  const eqs: Equation[] = [];
  for (const b of REVIEW_BLOCKS) {
    eqs.push({
      rule: 'R4',
      scope: b.key,
      left: [cellPath(b.key, 'total')],
      right: REVIEW_PARTS.map((p) => cellPath(b.key, p)),
      leftName: `${b.name}：总计`,
      rightName: '维持＋纠正＋其他＋尚未审结',
    });
  }
  return eqs;
}

/** A cell's value while solving: a number, null for a printed blank, undefined when not known. */
export type Lookup = (path: string) => number | null | undefined;

export type Outcome = { ok: true | false; left: number; right: number } | { ok: null; blank: string[]; unknown: string[] };

export function evaluate(eq: Equation, get: Lookup): Outcome {
  const paths = [...eq.left, ...eq.right];
  const blank = paths.filter((p) => get(p) === null);
  const unknown = paths.filter((p) => get(p) === undefined);
  if (blank.length || unknown.length) return { ok: null, blank, unknown };
  const sum = (ps: string[]) => round(ps.reduce((a, p) => a + (get(p) as number), 0));
  const left = sum(eq.left);
  const right = sum(eq.right);
  return { ok: left === right, left, right };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
