import { describe, expect, test } from 'vitest';
import { reportMarkdown } from '../../scripts/stage/report-files.ts';
import { parseBytes } from '../../scripts/parser/index.ts';
import type { Report } from '../../model/report.ts';
import { FIXTURE_2021, tabText } from '../parser/fixtures.ts';

const report = async (): Promise<Report> => {
  const outcome = await parseBytes('content/a.txt', new TextEncoder().encode(tabText(FIXTURE_2021)));
  if (!('report' in outcome)) throw new Error(outcome.error);
  return outcome.report;
};

describe('reportMarkdown', () => {
  test('a title with HTML and Markdown marks is one heading of plain text', async () => {
    const md = reportMarkdown({ ...(await report()), title: '<script>alert(1)</script> *年报* [链接](javascript:x)\n# 二' });
    expect(md).toContain('\n# &lt;script&gt;alert(1)&lt;/script&gt; \\*年报\\* \\[链接\\](javascript:x) \\# 二\n');
    expect(md).not.toContain('<script>');
  });

  test('front matter values stay one quoted line whatever they hold', async () => {
    const md = reportMarkdown({ ...(await report()), agency: '某局"\n---\n<b>x</b>' });
    const front = md.split('\n---\n')[0];
    expect(front.split('\n').filter((l) => l.startsWith('agency:'))).toEqual(['agency: "某局\\"\\n---\\n<b>x</b>"']);
    expect(md.startsWith('---\nid: ')).toBe(true);
  });

  test('the tables as the forms print them, flattened: table 三 names each column with its group, table 四 a line per block', async () => {
    const md = reportMarkdown(await report());
    expect(md).toContain('\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n');
    expect(md).toContain(
      '\n|  | 自然人 | 法人或其他组织·商业企业 | 法人或其他组织·科研机构 | 法人或其他组织·社会公益组织 | 法人或其他组织·法律服务机构 | 法人或其他组织·其他 | 总计 |\n',
    );
    expect(md).toContain('\n| 三、本年度办理结果 （三）不予公开 1.属于国家秘密 |');
    expect(md).toContain('\n|  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| --- | --- | --- | --- | --- | --- |\n| 行政复议 |');
    expect(md).toMatch(/\n\| 行政诉讼·未经复议直接起诉 \|[^\n]*\n\| 行政诉讼·复议后起诉 \|/);
  });

  test('HTML in the sections is shown as text', async () => {
    const r = await report();
    const md = reportMarkdown({ ...r, sections: { ...r.sections, overview: '收到申请<img src=x onerror=alert(1)>7件 & 办结' } });
    expect(md).toContain('收到申请&lt;img src=x onerror=alert(1)&gt;7件 &amp; 办结');
  });
});
