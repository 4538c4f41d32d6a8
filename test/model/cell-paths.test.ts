// Cell paths as the data contract spells them (../shared/spec/data-contract.md), typed by hand: the
// parser, the data files, the pages and the bench all name cells through model/cell-paths.ts, so a
// changed key, block or row id shows here before it reaches a reader's saved link or CSV column.
import { describe, expect, test } from 'vitest';
import { cellMeaning, cellPath, reportCells, reportPaths, rowIdOf, splitPath, splitRowId, tableOfPath } from '../../model/cell-paths.ts';

describe('a path, its table and its printed row', () => {
  test.each([
    ['proactive.fees.amount', 'proactive', 'proactive.fees'],
    ['proactive.normativeDocuments.inForce', 'proactive', 'proactive.normativeDocuments'],
    ['applications.received.total', 'applications', 'applications.received'],
    ['applications.withheldStateSecret.naturalPerson', 'applications', 'applications.withheldStateSecret'],
    ['review.total', 'review', 'review'],
    ['litigationDirect.upheld', 'review', 'review'],
    ['litigationAfterReview.pending', 'review', 'review'],
  ])('%s is in table %s, printed row %s', (path, table, row) => {
    expect(tableOfPath(path)).toBe(table);
    expect(rowIdOf(path)).toBe(row);
    expect(splitRowId(row).table).toBe(table);
  });
  test('built from its parts and split back', () => {
    expect(cellPath('applications', 'carriedOver', 'business')).toBe('applications.carriedOver.business');
    expect(cellPath('litigationAfterReview', 'total')).toBe('litigationAfterReview.total');
    expect(splitPath('litigationDirect.total')).toEqual({ key: 'litigationDirect', column: 'total', table: 'review' });
    expect(splitPath('applications.granted.total')).toEqual({ key: 'applications', row: 'granted', column: 'total', table: 'applications' });
  });
  test("a table 四 cell's name carries its block's group", () => {
    expect(cellMeaning('litigationAfterReview.total', '2021')).toEqual({
      label: '行政诉讼·复议后起诉·总计',
      meaning: '表四 行政诉讼·复议后起诉：总计',
      unit: '件',
    });
    expect(cellMeaning('review.upheld', '2019').label).toBe('行政复议·结果维持');
  });
});

describe("a report's cells", () => {
  // 2021: table 二 10 cells (规章, 行政规范性文件 ×3; 许可, 处罚, 强制, 收费 ×1), table 三 25 rows × 7, table 四 15.
  // 2019: table 二 22 cells (2×3 + 2×3 + 2×3 + 1×2 + 1×2), table 三 23 rows × 7, table 四 15.
  test('every template has its count of cells, table by table', () => {
    expect(reportPaths({ proactive: '2021', applications: '2021' }).length).toBe(10 + 175 + 15);
    expect(reportPaths({ proactive: '2019', applications: '2019' }).length).toBe(22 + 161 + 15);
    expect(reportPaths({ proactive: null, applications: null })).toHaveLength(15);
  });
  test('each with its value: a number, null for a blank or unknown; printed order, first and last', () => {
    const report = {
      tableTemplates: { proactive: null, applications: null },
      review: { upheld: 1, corrected: 0, other: 0, pending: null, total: 1 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 2 },
    };
    const cells = [...reportCells(report)];
    expect(cells.slice(0, 4)).toEqual([
      { path: 'review.upheld', value: 1 },
      { path: 'review.corrected', value: 0 },
      { path: 'review.other', value: 0 },
      { path: 'review.pending', value: null },
    ]);
    expect(cells.at(-1)).toEqual({ path: 'litigationAfterReview.total', value: 2 });
  });
});
