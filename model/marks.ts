// Graded marks: what a reader must know about a number, one vocabulary for every page, chart, table and CSV.
// A mark attaches to the cells it concerns (and to the figures summed from them), never to a whole report:
// an ambiguity in table 二 does not mark table 三's numbers.
//
//   failed  ⚠ and hatched: a failed check, or a finding that the report contradicts itself (R13 prose against
//           the table, R8 one year's carry-over against the next), names the cell. A printed total that
//           its parts contradict also says what the parts add up to: "0（原表总计；各列合计 6）".
//   unknown ？ with the reason: nianbao could not tell the cell (model/diagnostics.ts).
//   cut     a quiet note, no caution: the figures ran together and the arithmetic chose the one cut that
//           satisfies every check (the report's `cut`); the 原文 page shows the cut.
import { isContradiction } from './diagnostics.ts';
import type { Report } from './report.ts';

export type Grade = 'failed' | 'unknown' | 'cut';

/** What each mark means, in the words pages, the about page and CSVs use. */
export const MARKS: Record<Grade, { sign: string; name: string; explain: string }> = {
  failed: {
    sign: '⚠',
    name: '数字互相矛盾',
    explain: '报告自己的数字对不上：一致性检查未通过，或正文、上一年度的数字与此处不同。图中以斜纹标出；原表总计与各项之和不符时，同时给出各项之和。',
  },
  unknown: { sign: '？', name: '无法确定', explain: '本站无法从原文确定这个数字（原因见单元格说明）；它不是原表空白，也不计为 0。' },
  cut: {
    sign: '',
    name: '按表内关系拆分',
    explain: '原文的数字连在一起，本站按表内勾稽关系拆分（只有一种拆分符合全部检查），各项检查均通过；数字下加虚线，拆分方式见“原文”页。',
  },
};

/** The sum of a printed total's parts, when it differs from the total: R3 over the applicant columns, R2 and R4 over the rows or results. */
export interface Parts {
  label: '各列合计' | '各项合计';
  sum: number;
}

const PARTS_LABEL: Record<string, Parts['label']> = { R2: '各项合计', R3: '各列合计', R4: '各项合计' };

export interface CellMarks {
  /** The cell's mark, the strongest first (failed, unknown, cut), or null when nothing is to be said. */
  grade(path: string): Grade | null;
  /** The sums of parts that contradict the total printed in this cell (empty for any other cell). */
  parts(path: string): Parts[];
}

type Marked = Pick<Report, 'checks' | 'warnings' | 'unknown'> & { cut?: string[] };

/** The marks of a report's cells. */
export function cellMarks(r: Marked): CellMarks {
  const failed = new Set<string>();
  const parts = new Map<string, Parts[]>();
  for (const c of r.checks) {
    if (c.ok !== false) continue;
    for (const p of c.cells) failed.add(p);
    // The total is the left side of R2, R3 and R4 (scripts/parser/solve/equations.ts): `expected` it, `actual` its parts.
    const [total] = c.cells;
    if (PARTS_LABEL[c.rule] && total && c.actual !== null) parts.set(total, [...(parts.get(total) ?? []), { label: PARTS_LABEL[c.rule]!, sum: c.actual }]);
  }
  for (const w of r.warnings) if (isContradiction(w.code)) for (const p of w.cells ?? []) failed.add(p);
  const cut = new Set(r.cut ?? []);
  return {
    grade: (p) => (p in r.unknown ? 'unknown' : failed.has(p) ? 'failed' : cut.has(p) ? 'cut' : null),
    parts: (p) => parts.get(p) ?? [],
  };
}

/**
 * The mark of a figure summed from `paths`, and the sum of parts contradicting it: for one total cell, every
 * rule's sum; for several row totals (an outcome group), the sum with each contradicted row taken by its columns.
 */
export function figureMark(marks: CellMarks, paths: string[], value: (path: string) => number | null | undefined): { grade: Grade | null; parts: Parts[] } {
  const grades = paths.map((p) => marks.grade(p));
  const grade = (['unknown', 'failed', 'cut'] as const).find((g) => grades.includes(g)) ?? null;
  if (grade !== 'failed') return { grade, parts: [] };
  if (paths.length === 1) return { grade, parts: marks.parts(paths[0]!) };
  const contradicted = paths.filter((p) => marks.parts(p).length > 0);
  const byColumns = (p: string) => marks.parts(p).find((x) => x.label === '各列合计')?.sum;
  if (contradicted.length === 0 || contradicted.some((p) => byColumns(p) === undefined)) return { grade, parts: [] };
  const values = paths.map((p) => byColumns(p) ?? value(p));
  if (values.some((v) => typeof v !== 'number')) return { grade, parts: [] };
  return { grade, parts: [{ label: '各列合计', sum: (values as number[]).reduce((a, b) => a + b, 0) }] };
}

/** "（原表总计；各列合计 6）": what follows a contradicted total wherever it is shown, CSVs included. */
export const partsNote = (parts: Parts[]): string => (parts.length ? `（原表总计；${parts.map((p) => `${p.label} ${p.sum}`).join('，')}）` : '');

/** A run of checks as rankings and totals say it: never 0 failed for checks that could not be decided. */
export interface CheckCounts {
  checked: number;
  failed: number;
  undecided: number;
}

export type CheckStatus = 'unchecked' | 'failed' | 'undecided' | 'passed';

export function checkStatus(c: CheckCounts): CheckStatus {
  if (c.checked === 0) return 'unchecked';
  if (c.failed > 0) return 'failed';
  return c.undecided > 0 ? 'undecided' : 'passed';
}

/** "⚠ 2 项未通过（另 3 项无法判断）", "5 项无法判断", "无法检查", "全部通过". */
export function checkWords(c: CheckCounts): string {
  const undecided = c.undecided > 0 ? `${c.undecided} 项无法判断` : '';
  switch (checkStatus(c)) {
    case 'unchecked':
      return '无法检查';
    case 'failed':
      return `⚠ ${c.failed} 项未通过${undecided && `（另 ${undecided}）`}`;
    case 'undecided':
      return undecided;
    case 'passed':
      return '全部通过';
  }
}
