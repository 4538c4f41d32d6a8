import { describe, expect, test } from 'vitest';
import { reportMarkdown } from '../../scripts/data/report-files.ts';
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

  test('HTML in the sections is shown as text', async () => {
    const r = await report();
    const md = reportMarkdown({ ...r, sections: { ...r.sections, overview: '收到申请<img src=x onerror=alert(1)>7件 & 办结' } });
    expect(md).toContain('收到申请&lt;img src=x onerror=alert(1)&gt;7件 &amp; 办结');
  });
});
