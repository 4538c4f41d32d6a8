// Markdown read line by line: pipe tables as GFM reads them, prose as CommonMark shows it. The
// expected values are what remark with GFM tables gave for the same text.
import { describe, expect, test } from 'vitest';
import { proseText } from '../../scripts/parser/read/document.ts';
import { readMarkdown } from '../../scripts/parser/read/markdown-document.ts';

const tables = (md: string) => readMarkdown(md).blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
const prose = (md: string) => proseText(readMarkdown(md));

describe('readMarkdown', () => {
  test('a pipe table interrupts a paragraph and runs until a blank line, a line without pipes being a row of one cell', () => {
    const md = '说明\n| 项目 | 数量 |\n| --- | ---: |\n| 收到申请 | 7 |\n三、下一节\n\n后文';
    expect(tables(md)).toEqual([[['项目', '数量'], ['收到申请', '7'], ['三、下一节']]]);
    expect(prose(md)).toBe('说明\n后文');
  });

  test('rows keep the cells they print; escaped pipes are text; a quote or heading ends the table', () => {
    const md = '| a | b |\n| --- | --- |\n| 1 |\n| 1 | 2 | 3 |\n| x \\| y | `c|d` |\n> 引用';
    expect(tables(md)).toEqual([[['a', 'b'], ['1'], ['1', '2', '3'], ['x | y', '`c', 'd`']]]);
    expect(prose(md)).toBe('引用');
  });

  test('a delimiter row with another number of cells is no table', () => {
    expect(tables('| a | b |\n| --- |\n| 1 | 2 |')).toEqual([]);
  });

  test('markup is taken away and what it marks kept', () => {
    const md = [
      '# 标题 #',
      '',
      '- 项一',
      '- 项二',
      '  续',
      '',
      '**一、总体情况**',
      '中*文*字 中_文_字 [链接](http://x) ![图](y.png) <span>内联</span> &amp;&lt;',
      '硬换行\\',
      '反斜杠 `代码` \\*星 *',
      '',
      '<div>',
      '块html',
      '</div>',
      '',
      '文字',
      '===',
    ].join('\n');
    expect(prose(md)).toBe('标题\n项一\n项二\n续\n一、总体情况\n中文字 中_文_字 链接  内联 &<\n硬换行\n反斜杠 代码 *星 *\n文字');
  });

  test('an ordered item other than 1 does not interrupt a paragraph', () => {
    expect(prose('本年度：\n2. 不是列表')).toBe('本年度：\n2. 不是列表');
    expect(prose('1. 第一\n2. 第二')).toBe('第一\n第二');
  });
});
