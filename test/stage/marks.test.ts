// Marks that mean what they say (model/marks.ts): a cell is ⚠ only where the report contradicts itself, ？
// only where it cannot be told, quietly "cut" where the arithmetic chose its boundaries with every check
// passing; a mark never spreads to cells it does not concern; a contradicted total carries what its parts add
// up to. Reports are written out by hand as the parser's checks would read them.
import { describe, expect, test } from 'vitest';
import { cellMarks, checkWords, figureMark, partsNote } from '../../model/marks.ts';
import type { Check } from '../../model/report.ts';

const check = (rule: Check['rule'], ok: boolean | null, cells: string[], expected: number | null = null, actual: number | null = null): Check => ({
  rule,
  ok,
  scope: '',
  expected,
  actual,
  cells,
  message: '',
});
const received = ['naturalPerson', 'business', 'research', 'nonprofit', 'legalService', 'otherOrg'].map((c) => `applications.received.${c}`);

describe('cellMarks', () => {
  // 新收申请 总计 printed 0, its columns 6 0 0 0 0 0 (R3 fails); table 二's 规范性文件 could not be told.
  const r = {
    checks: [
      check('R3', false, ['applications.received.total', ...received], 0, 6),
      check('R3', true, ['applications.granted.total'], 2, 2),
      check('R4', null, ['review.total', 'review.upheld']),
    ],
    warnings: [{ code: 'table/ambiguous-cells' as const, message: '', cells: ['proactive.normativeDocuments.issued'] }],
    unknown: { 'proactive.normativeDocuments.issued': 'ambiguous' as const },
    cut: ['applications.granted.total', 'applications.granted.naturalPerson'],
  };
  const marks = cellMarks(r);

  test('a failed check marks every cell it names ⚠, and its printed total says what the columns add up to', () => {
    expect(marks.grade('applications.received.total')).toBe('failed');
    expect(marks.grade('applications.received.naturalPerson')).toBe('failed');
    expect(marks.parts('applications.received.total')).toEqual([{ label: '各列合计', sum: 6 }]);
    expect(partsNote(marks.parts('applications.received.total'))).toBe('（原表总计；各列合计 6）');
    // A part of the failed sum is not a total: no sum of parts beside it.
    expect(marks.parts('applications.received.naturalPerson')).toEqual([]);
  });

  test('an ambiguity in table 二 marks its own cell ？ and nothing in table 三 or 四', () => {
    expect(marks.grade('proactive.normativeDocuments.issued')).toBe('unknown');
    expect(marks.grade('applications.carriedOver.total')).toBeNull();
    expect(marks.grade('review.total')).toBeNull();
  });

  test('a cell the arithmetic cut, with its checks passing, is only cut: no caution', () => {
    expect(marks.grade('applications.granted.total')).toBe('cut');
  });

  test('a passed or undecided check marks nothing', () => {
    expect(marks.grade('review.upheld')).toBeNull();
  });

  test('the prose contradicting the table (R13) marks the cell ⚠ too; a cut cell a check fails is ⚠, not cut', () => {
    const m = cellMarks({
      checks: [check('R2', false, ['applications.resultsTotal.total', 'applications.granted.total'], 21, 27)],
      warnings: [{ code: 'R13', message: '', cells: ['applications.carriedOver.total'] }],
      unknown: {},
      cut: ['applications.granted.total'],
    });
    expect(m.grade('applications.carriedOver.total')).toBe('failed');
    expect(m.grade('applications.granted.total')).toBe('failed');
    expect(m.parts('applications.resultsTotal.total')).toEqual([{ label: '各项合计', sum: 27 }]);
  });
});

describe('figureMark', () => {
  // Two rows of an outcome group: 1.属于国家秘密 总计 printed 1 with columns adding to 3 (R3 fails), 2. printed 2, fine.
  const marks = cellMarks({
    checks: [check('R3', false, ['applications.withheldStateSecret.total', 'applications.withheldStateSecret.naturalPerson'], 1, 3)],
    warnings: [],
    unknown: {},
  });
  const values: Record<string, number> = { 'applications.withheldStateSecret.total': 1, 'applications.withheldByLaw.total': 2 };
  test('a figure summing a contradicted row total is ⚠, with the sum taking that row by its columns', () => {
    expect(figureMark(marks, Object.keys(values), (p) => values[p])).toEqual({ grade: 'failed', parts: [{ label: '各列合计', sum: 5 }] });
  });
  test('a figure of cells nobody contradicts has no mark', () => {
    expect(figureMark(marks, ['applications.withheldByLaw.total'], (p) => values[p])).toEqual({ grade: null, parts: [] });
  });
});

describe('checkWords', () => {
  test('undecided checks are never read as 0 failed', () => {
    expect(checkWords({ checked: 43, failed: 0, undecided: 38 })).toBe('38 项无法判断');
    expect(checkWords({ checked: 0, failed: 0, undecided: 0 })).toBe('无法检查');
    expect(checkWords({ checked: 45, failed: 2, undecided: 3 })).toBe('⚠ 2 项未通过（另 3 项无法判断）');
    expect(checkWords({ checked: 45, failed: 0, undecided: 0 })).toBe('全部通过');
  });
});
