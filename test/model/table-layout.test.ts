// The printed layout of the three tables, typed by hand from the official forms (国办公开办函〔2019〕60号
// and 〔2021〕30号, report-format.md §3.1): header rows with their merges, row labels with their groups,
// and where each cell goes. The report page, the Markdown download and the synthetic corpus all render
// from this layout, so a block, a group or a header word changed in the template data shows here.
import { describe, expect, test } from 'vitest';
import { flatTable, tableGrid, tableLayout, type GridRow } from '../../model/table-layout.ts';

/** A grid as lines: header words, [a cell's path], with ↔n for colspan and ↕n for rowspan. */
const lines = (rows: GridRow[]) =>
  rows.map((r) => r.cells.map((c) => `${c.path ? `[${c.path}]` : c.text}${c.colspan ? `↔${c.colspan}` : ''}${c.rowspan ? `↕${c.rowspan}` : ''}`).join(' | '));

describe('table 四', () => {
  test('行政复议 beside 行政诉讼, which splits into 未经复议直接起诉 and 复议后起诉; one row of fifteen cells', () => {
    expect(lines(tableGrid(tableLayout('review')))).toEqual([
      '行政复议↔5 | 行政诉讼↔10',
      '结果维持↕2 | 结果纠正↕2 | 其他结果↕2 | 尚未审结↕2 | 总计↕2 | 未经复议直接起诉↔5 | 复议后起诉↔5',
      '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计',
      [
        '[review.upheld]',
        '[review.corrected]',
        '[review.other]',
        '[review.pending]',
        '[review.total]',
        '[litigationDirect.upheld]',
        '[litigationDirect.corrected]',
        '[litigationDirect.other]',
        '[litigationDirect.pending]',
        '[litigationDirect.total]',
        '[litigationAfterReview.upheld]',
        '[litigationAfterReview.corrected]',
        '[litigationAfterReview.other]',
        '[litigationAfterReview.pending]',
        '[litigationAfterReview.total]',
      ].join(' | '),
    ]);
  });
  test('in a table without merged cells, a line per block', () => {
    const flat = flatTable(tableLayout('review').sections[0]!);
    expect(flat.head).toEqual(['', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(flat.rows.map((r) => [r.label, r.paths[4]])).toEqual([
      ['行政复议', 'review.total'],
      ['行政诉讼·未经复议直接起诉', 'litigationDirect.total'],
      ['行政诉讼·复议后起诉', 'litigationAfterReview.total'],
    ]);
  });
});

describe('table 三', () => {
  const grid = lines(tableGrid(tableLayout('applications', '2021')));
  test('the 勾稽 note in the corner, 申请人情况 over 自然人, 法人或其他组织 (five kinds) and 总计', () => {
    expect(grid.slice(0, 3)).toEqual([
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）↔3↕3 | 申请人情况↔7',
      '自然人↕2 | 法人或其他组织↔5 | 总计↕2',
      '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他',
    ]);
  });
  test('rows under 三、本年度办理结果 and their inner groups, each row beside its seven cells', () => {
    const labels = grid.slice(3).map((l) => l.split(' | [')[0]);
    expect(labels.slice(0, 6)).toEqual([
      '一、本年新收政府信息公开申请数量↔3',
      '二、上年结转政府信息公开申请数量↔3',
      '三、本年度办理结果↕22 | （一）予以公开↔2',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）↔2',
      '（三）不予公开↕8 | 1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
    ]);
    expect(labels.slice(-5)).toEqual([
      '（六）其他处理↕3 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
      '（七）总计↔2',
      '四、结转下年度继续办理↔3',
    ]);
    expect(grid[3]!.split(' | ').slice(1)).toEqual([
      '[applications.received.naturalPerson]',
      '[applications.received.business]',
      '[applications.received.research]',
      '[applications.received.nonprofit]',
      '[applications.received.legalService]',
      '[applications.received.otherOrg]',
      '[applications.received.total]',
    ]);
  });
  test('in a table without merged cells, a column is named with its group and a row with its groups', () => {
    const flat = flatTable(tableLayout('applications', '2019').sections[0]!);
    expect(flat.head).toEqual([
      '',
      '自然人',
      '法人或其他组织·商业企业',
      '法人或其他组织·科研机构',
      '法人或其他组织·社会公益组织',
      '法人或其他组织·法律服务机构',
      '法人或其他组织·其他',
      '总计',
    ]);
    expect(flat.rows.find((r) => r.paths[0] === 'applications.rejectedDuplicate.naturalPerson')?.label).toBe('三、本年度办理结果 （五）不予处理 2.重复申请');
  });
});

describe('table 二', () => {
  test('a caption row per 第二十条 item, 信息内容 over the row labels, a narrower block stretching its last column', () => {
    expect(lines(tableGrid(tableLayout('proactive', '2021'))).slice(0, 8)).toEqual([
      '第二十条第（一）项↔4',
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
      '规章 | [proactive.regulations.issued] | [proactive.regulations.repealed] | [proactive.regulations.inForce]',
      '行政规范性文件 | [proactive.normativeDocuments.issued] | [proactive.normativeDocuments.repealed] | [proactive.normativeDocuments.inForce]',
      '第二十条第（五）项↔4',
      '信息内容 | 本年处理决定数量↔3',
      '行政许可 | [proactive.licensing.decisions]↔3',
      '第二十条第（六）项↔4',
    ]);
  });
});
