// Table 二 run together in crawled text ("行政规范性文件97253") is cut by the prose only where the prose names
// each cell; a count of published information items settles nothing (facts.ts).
import { describe, expect, test } from 'vitest';
import { proseFacts } from '../../scripts/parser/prose/facts.ts';
import { parseBytes } from '../../scripts/parser/index.ts';

const NORMATIVE = ['issued', 'repealed', 'inForce'].map((c) => `proactive.normativeDocuments.${c}`);
const facts = (text: string) => proseFacts(text).map((f) => [f.alternatives[0][0], f.value]);

describe('prose figures about 规范性文件', () => {
  test('each cell named, before or after the noun', () => {
    for (const text of ['本年制发规范性文件9件、废止7件、现行有效253件。', '行政规范性文件：制发9件、废止7件、现行有效253件。'])
      expect(facts(text)).toEqual([
        [NORMATIVE[0], 9],
        [NORMATIVE[1], 7],
        [NORMATIVE[2], 253],
      ]);
  });

  test('a count of published information items names no cell', () => {
    expect(facts('全年主动公开规范性文件类信息3条，现行有效文件目录已更新。')).toEqual([]);
  });
});

/** A crawled page whose table 二 ran together, with `overview` as its 总体情况. */
const crawled = (overview: string) =>
  new TextEncoder().encode(`标题: 石湖区司法局2023年政府信息公开工作年度报告
发布时间: 2024-01-22 10:00
==================== 正文 ====================
石湖区司法局2023年政府信息公开工作年度报告 一、总体情况 ${overview} 二、主动公开政府信息情况 第二十条第（一）项 信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件97253第二十条第（五）项信息内容本年处理决定数量行政许可0 三、收到和处理政府信息公开申请情况 五、存在的主要问题及改进情况 无。 六、其他需要报告的事项 无。 石湖区司法局 2024年1月22日`);

async function normative(overview: string) {
  const o = await parseBytes('s.txt', crawled(overview));
  if ('error' in o) throw new Error(o.error);
  return { cells: Object.values(o.report.proactive.normativeDocuments), unknown: NORMATIVE.filter((p) => p in o.report.unknown) };
}

describe('table 二 cut by the prose', () => {
  test('settled when the prose names each cell', async () => {
    expect(await normative('本年制发规范性文件9件、废止7件、现行有效253件。')).toEqual({ cells: [9, 7, 253], unknown: [] });
  });

  test('undecided when the prose counts published items (9|7|253, 9|72|53, 97|2|53 … all fit)', async () => {
    const { cells, unknown } = await normative('全年主动公开规范性文件类信息3条、政策解读5条。');
    expect(cells).toEqual([null, null, null]);
    expect(unknown).toEqual(NORMATIVE);
  });
});
