// Every CSV keeps the three states of a cell apart: a number, empty for a blank the report printed, and `?`
// (with the reason beside it) for a cell nianbao could not tell. Inputs are the typed reports of the truth
// scenario: 白杨镇 lacks its 二、上年结转 row; 洪泽区 2023 printed its 复议后起诉 block as "—".
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { parseBytes } from '../../scripts/parser/index.ts';
import { COLUMNS, flatten } from '../../scripts/stage/columns.ts';
import { reportCsv } from '../../scripts/stage/report-files.ts';
import { notesOf } from '../../model/notes.ts';
import { compareRows, type Picked } from '../../src/compare/compare-charts.ts';
import type { CompareReport } from '../../src/compare/compare-data.ts';
import type { Report } from '../../model/report.ts';

const parsed = async (name: string): Promise<Report> => {
  const file = `test/e2e/fixtures/truth/${name}`;
  const outcome = await parseBytes(file, readFileSync(file));
  if (!('report' in outcome)) throw new Error(`${file} did not parse`);
  return outcome.report;
};
const rowOf = (r: Report) => Object.fromEntries(COLUMNS.map((c, i) => [c.key, flatten(r)[i]]));
const csvRows = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

describe('reports.csv and reports.json rows', () => {
  test('a cell nianbao could not tell is ?, with its reason in the unknown column; a printed blank stays empty', async () => {
    const baiyang = rowOf(await parsed('row-missing.txt'));
    expect(baiyang['applications.carriedOver.total']).toBe('?');
    expect(baiyang['applications.carriedOver.naturalPerson']).toBe('?');
    expect(baiyang['applications.received.total']).toBe(0);
    expect(String(baiyang.unknown).split(';')).toContain('applications.carriedOver.total=row-not-found');
    const hongze = rowOf(await parsed('hongze-2023.txt'));
    expect(hongze['litigationAfterReview.total']).toBeNull();
    expect(hongze['litigationDirect.total']).toBe(9);
    expect(hongze.unknown).toBe('');
  });
});

describe("a report's own CSV", () => {
  test('says each cell’s state, and why a cell could not be told', async () => {
    const cells = csvRows(reportCsv(await parsed('row-missing.txt')));
    expect(cells.find((c) => c.key === 'applications.carriedOver.total')).toMatchObject({
      value: '',
      state: 'unknown',
      reason: '未找到该行：报告中没有找到这一行。',
    });
    expect(cells.find((c) => c.key === 'applications.received.total')).toMatchObject({ value: '0', state: 'number', reason: '' });
    const hongze = csvRows(reportCsv(await parsed('hongze-2023.txt')));
    expect(hongze.find((c) => c.key === 'litigationAfterReview.total')).toMatchObject({ value: '', state: 'blank', printed: '—' });
  });
});

describe('checks.csv', () => {
  test('an undecided check names the cells it needed that could not be told', async () => {
    const notes = notesOf(await parsed('row-missing.txt')).filter((n) => n.result === 'undecided');
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.some((n) => n.unknown.includes('applications.carriedOver.total=row-not-found'))).toBe(true);
  });
});

describe('the compare CSV', () => {
  const block = (upheld: number | null, corrected: number | null, other: number | null, pending: number | null, total: number | null) => ({
    upheld,
    corrected,
    other,
    pending,
    total,
  });
  const base: CompareReport = {
    id: 'a-2023',
    year: 2023,
    template: '2021',
    figures: {
      received: 23,
      carriedOver: 0,
      granted: 7,
      partlyGranted: 3,
      withheld: 4,
      unavailable: 5,
      rejected: 2,
      otherHandling: 2,
      resultsTotal: 23,
      carriedForward: 0,
      naturalPerson: 20,
      organisations: 3,
      review: 0,
      litigationDirect: 9,
      litigationAfterReview: null,
    },
    unknownFigures: [],
    failedFigures: [],
    cutFigures: [],
    figureParts: {},
    received: { naturalPerson: 20, business: 3, research: 0, nonprofit: 0, legalService: 0, otherOrg: 0, total: 23 },
    review: block(0, 0, 0, 0, 0),
    litigationDirect: block(5, 1, 1, 2, 9),
    litigationAfterReview: block(null, null, null, null, null),
    unknown: [],
    failedCells: [],
    cutCells: [],
    cellParts: {},
    checked: 12,
    failed: 0,
    undecided: 1,
    inferred: false,
    unknownCells: 0,
    url: '/reports/a-2023/',
    sourceUrl: 'https://example.gov.cn/a.html',
  };
  const unknownReport: CompareReport = {
    ...base,
    id: 'b-2023',
    figures: { ...base.figures, granted: null, resultsTotal: null },
    unknownFigures: ['granted', 'resultsTotal'],
    review: block(null, 0, 0, 0, null),
    unknown: ['review.upheld', 'review.total'],
    failed: 1,
    unknownCells: 3,
    sourceUrl: null,
  };
  const rows = compareRows(
    [
      { agency: '甲', report: base },
      { agency: '乙', report: unknownReport },
    ] satisfies Picked[],
    'https://portal.example',
  );

  test('each 行政诉讼 block has its own columns: a blank 复议后起诉 never hides the 9 直接起诉', () => {
    expect(rows[0]).toMatchObject({ '行政诉讼·未经复议直接起诉·总计': 9, '行政诉讼·复议后起诉·总计': null });
  });

  test('shares are percentages with one decimal (7 ÷ 23 = 30.4 %), and ? when the denominator could not be told', () => {
    expect(rows[0]!['占比（%）·予以公开']).toBe(30.4);
    expect(rows[1]!['占比（%）·予以公开']).toBe('?');
    expect(rows[1]!['办理结果总计']).toBe('?');
    expect(rows[1]!['行政复议·结果维持']).toBe('?');
    expect(rows[1]!['行政复议·结果纠正']).toBe(0);
  });

  test('each row says whether the report passed its checks (never 通过 with a check undecided), and where it and its original are', () => {
    expect(rows[0]).toMatchObject({
      检查结果: '部分无法判断',
      无法判断检查项: 1,
      边界推断: '否',
      报告网址: 'https://portal.example/reports/a-2023/',
      原文网址: 'https://example.gov.cn/a.html',
      注意: '',
    });
    expect(rows[1]).toMatchObject({ 检查结果: '未通过', 未通过检查项: 1, 无法确定的单元格: 3, 原文网址: null });
    // The failed check names no compared cell: the note speaks of the compared numbers that could not be told.
    expect(rows[1]!['注意']).toContain('无法确定');
    expect(rows[1]!['注意']).not.toContain('矛盾');
  });

  const contradicted = compareRows([
    {
      agency: '丙',
      report: {
        ...base,
        id: 'c-2023',
        failed: 1,
        figures: { ...base.figures, received: 0 },
        failedFigures: ['received'],
        figureParts: { received: [{ label: '各列合计', sum: 23 }] },
        failedCells: ['applications.received.total'],
        cellParts: { 'applications.received.total': [{ label: '各列合计', sum: 23 }] },
        received: { ...base.received!, total: 0 },
      },
    },
  ])[0]!;

  test('a total its parts contradict is never a plain number: printed value, ⚠ and the sum of the parts', () => {
    expect(contradicted['新收申请总计']).toBe('⚠ 0（原表总计；各列合计 23）');
    expect(contradicted['注意']).toContain('表三的数字与报告自身的其他数字矛盾');
    // Columns the failure does not name stay plain numbers.
    expect(contradicted['新收申请·自然人']).toBe(20);
  });

  test('no share over a contradicted denominator', () => {
    const row = compareRows([
      { agency: '丁', report: { ...base, failedFigures: ['resultsTotal'], figureParts: { resultsTotal: [{ label: '各项合计', sum: 25 }] } } },
    ])[0]!;
    expect(row['办理结果总计']).toBe('⚠ 23（原表总计；各项合计 25）');
    expect(row['占比（%）·予以公开']).toBe('⚠ 不计算');
  });
});
