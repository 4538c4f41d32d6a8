// A compare link's title and description name what it compares.
import { describe, expect, test } from 'vitest';
import { compareTitle } from '../../src/compare/compare-title.ts';

describe('compareTitle', () => {
  test('names the agencies and the years', () => {
    expect(compareTitle(['万源市固军镇人民政府', '红旗乡人民政府', '万源市固军镇人民政府'], [2021, 2020, 2021])).toEqual({
      title: '对比：万源市固军镇人民政府、红旗乡人民政府（2020、2021年） · 政府信息公开年报库',
      description: '并排比较万源市固军镇人民政府、红旗乡人民政府2020、2021年的政府信息公开申请数量、办理结果、行政复议和行政诉讼。',
    });
  });
  test('counts agencies beyond three and joins a run of years', () => {
    expect(compareTitle(['甲局', '乙局', '丙局', '丁局'], [2019, 2020, 2021]).title).toBe(
      '对比：甲局、乙局、丙局等4个机关（2019—2021年） · 政府信息公开年报库',
    );
  });
});
