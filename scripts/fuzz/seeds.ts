// The reports the fuzzer mutates: the sample reports in content/, synthetic reports of the bench corpus in
// every form, and a few hand-typed snippets. Kept apart from the mutations (inputs.ts): making them loads the
// synthetic generator, some 100 MB that a long run (scripts/fuzz.ts) frees by making them in a worker.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { planCorpus } from '../synthetic/generate.ts';
import { renderDocx } from '../synthetic/render-docx.ts';
import { renderHtml } from '../synthetic/render-html.ts';
import { renderMarkdown } from '../synthetic/render-markdown.ts';
import { renderText } from '../synthetic/render-text.ts';
import { composeReport } from '../synthetic/synthetic-report.ts';
import type { Seed } from './inputs.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Short reports typed as agencies print them, in the forms the long seeds use least. */
const SNIPPETS: Seed[] = [
  {
    name: 'snippet-crawled',
    form: 'txt',
    text: `青溪县交通运输局2021年政府信息公开工作年度报告
一、总体情况
2021年，本局共收到政府信息公开申请12件，办结12件。
三、收到和处理政府信息公开申请情况
申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他
一、本年新收政府信息公开申请数量10200001200012
二、上年结转政府信息公开申请数量000000000
三、本年度办理结果（一）予以公开8100009
四、政府信息公开行政复议、行政诉讼情况
行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉
100011000000000
五、存在的主要问题及改进情况
六、其他需要报告的事项
青溪县交通运输局
2022年1月25日`,
  },
  {
    name: 'snippet-html',
    form: 'html',
    text: `<html><head><meta charset="utf-8"><title>南岭镇2020年政府信息公开工作年度报告</title></head><body>
<p>南岭镇2020年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度共收到申请3件。</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table><tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
<tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>&nbsp;</td><td>0</td><td>—</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
</table><p>南岭镇人民政府</p><p>2021年1月15日</p></body></html>`,
  },
  {
    name: 'snippet-md',
    form: 'md',
    text: `# 东湖区财政局2022年政府信息公开工作年度报告

## 二、主动公开政府信息情况

| 第二十条第（一）项 | | | |
| --- | --- | --- | --- |
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 4 | 1 | 37 |

## 四、政府信息公开行政复议、行政诉讼情况

| 行政复议 | | | | | 行政诉讼 |
| --- | --- | --- | --- | --- | --- |
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | |
| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

东湖区财政局
2023年1月30日
`,
  },
];

/** Every seed: the sample reports, `perForm` synthetic reports of the bench corpus in each form, the snippets. */
export async function loadSeeds(perForm = 2): Promise<Seed[]> {
  const content = join(ROOT, 'content');
  const seeds: Seed[] = readdirSync(content)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `content/${f}`, form: 'txt' as const, text: readFileSync(join(content, f), 'utf8') }));
  // `perForm` synthetic reports of each form, the first the corpus draws.
  const taken = new Map<string, number>();
  for (const r of planCorpus({ reports: 400, seed: 20_251_130 })) {
    const n = taken.get(r.form) ?? 0;
    if (n >= perForm) continue;
    taken.set(r.form, n + 1);
    const doc = composeReport(r.agency, r.year, r.figures, r.rnd);
    const name = `synthetic-${r.form}-${n}`;
    if (r.form === 'docx') {
      const entries = unzipSync(await renderDocx(doc));
      const text = strFromU8(entries['word/document.xml']);
      delete entries['word/document.xml'];
      seeds.push({ name, form: 'docx', text, zip: entries });
    } else if (r.form === 'html') seeds.push({ name, form: 'html', text: renderHtml(doc, r.agency, 'utf-8', r.rnd) });
    else if (r.form === 'markdown') seeds.push({ name, form: 'md', text: renderMarkdown(doc) });
    else seeds.push({ name, form: 'txt', text: renderText(doc, r.form === 'text-cells' ? 'cells' : 'tabs', r.rnd) });
  }
  return [...seeds, ...SNIPPETS];
}
