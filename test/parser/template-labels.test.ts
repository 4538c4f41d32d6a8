// The template data held to the official forms: every label below is typed by hand from
// report-format.md §3 (国办公开办函〔2019〕60号 and 〔2021〕30号), not read from model/templates.ts, so
// changing any label there fails here.
import { describe, expect, test } from 'vitest';
import { APPLICANTS, HEADER_WORDS, REVIEW_BLOCKS, REVIEW_COLUMNS, SECTIONS, TEMPLATE_DATA } from '../../model/templates.ts';

const HEAD = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
];
const TAIL = ['（七）总计', '四、结转下年度继续办理'];

const OFFICIAL = {
  '2019': {
    proactive: [
      ['第二十条第（一）项', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], ['规章', '规范性文件']],
      ['第二十条第（五）项', ['上一年项目数量', '本年增/减', '处理决定数量'], ['行政许可', '其他对外管理服务事项']],
      ['第二十条第（六）项', ['上一年项目数量', '本年增/减', '处理决定数量'], ['行政处罚', '行政强制']],
      ['第二十条第（八）项', ['上一年项目数量', '本年增/减'], ['行政事业性收费']],
      ['第二十条第（九）项', ['采购项目数量', '采购总金额'], ['政府集中采购']],
    ],
    applications: [...HEAD, '（六）其他处理', ...TAIL],
  },
  '2021': {
    proactive: [
      ['第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '行政规范性文件']],
      ['第二十条第（五）项', ['本年处理决定数量'], ['行政许可']],
      ['第二十条第（六）项', ['本年处理决定数量'], ['行政处罚', '行政强制']],
      ['第二十条第（八）项', ['本年收费金额（单位：万元）'], ['行政事业性收费']],
    ],
    applications: [
      ...HEAD,
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
      ...TAIL,
    ],
  },
} as const;

describe('the template data prints the official labels', () => {
  for (const id of ['2019', '2021'] as const) {
    test(`${id}: table 二's captions, columns and rows`, () => {
      const data = TEMPLATE_DATA[id].proactive.map((b) => [b.caption, b.columns.map((c) => c.label), b.rows.map((r) => r.label)]);
      expect(data).toEqual(OFFICIAL[id].proactive);
    });
    test(`${id}: table 三's rows, in order`, () => {
      expect(TEMPLATE_DATA[id].applicationRows.map((r) => r.label)).toEqual(OFFICIAL[id].applications);
    });
  }
  test("table 三's merged row groups: how many rows each covers, as the forms print them", () => {
    const groups = (id: '2019' | '2021') => {
      const count = new Map<string, number>();
      for (const r of TEMPLATE_DATA[id].applicationRows) if ('group' in r && r.group) count.set(r.group, (count.get(r.group) ?? 0) + 1);
      return Object.fromEntries(count);
    };
    // 三、本年度办理结果 holds the rows printed directly under it: （一）, （二）, （七）, and 2019's （六）.
    expect(groups('2019')).toEqual({ '三、本年度办理结果': 4, '（三）不予公开': 8, '（四）无法提供': 3, '（五）不予处理': 5 });
    expect(groups('2021')).toEqual({ '三、本年度办理结果': 3, '（三）不予公开': 8, '（四）无法提供': 3, '（五）不予处理': 5, '（六）其他处理': 3 });
  });
  test("table 三's columns, the five kinds grouped under 法人或其他组织", () => {
    expect(APPLICANTS.map((c) => [c.label, c.group])).toEqual([
      ['自然人', undefined],
      ['商业企业', '法人或其他组织'],
      ['科研机构', '法人或其他组织'],
      ['社会公益组织', '法人或其他组织'],
      ['法律服务机构', '法人或其他组织'],
      ['其他', '法人或其他组织'],
      ['总计', undefined],
    ]);
  });
  test("table 四's three blocks, the last two under 行政诉讼, and their five columns", () => {
    expect(REVIEW_BLOCKS.map((b) => [b.key, b.label, b.group])).toEqual([
      ['review', '行政复议', undefined],
      ['litigationDirect', '未经复议直接起诉', '行政诉讼'],
      ['litigationAfterReview', '复议后起诉', '行政诉讼'],
    ]);
    // The one-line names that CSV headers and the data dictionary print.
    expect(REVIEW_BLOCKS.map((b) => b.name)).toEqual(['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉']);
    expect(REVIEW_COLUMNS.map((c) => c.label)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
  });
  test('the header words the tables print besides their labels', () => {
    expect(HEADER_WORDS).toEqual({
      proactive: { caption: '主动公开政府信息情况', rowHeader: '信息内容' },
      applications: {
        caption: '收到和处理政府信息公开申请情况',
        note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
        columnsHeader: '申请人情况',
      },
      review: { caption: '政府信息公开行政复议、行政诉讼情况' },
    });
  });
  test('the six section headings (report-format.md §2)', () => {
    expect(SECTIONS.map((s) => s.label)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });
});
