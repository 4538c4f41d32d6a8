// The site's pure helpers: what a reader or a spreadsheet gets from them.
import { describe, expect, test } from 'vitest';
import { paragraphs } from '../../src/render/paragraphs.ts';
import { recordsCsv, safeCell } from '../../model/csv.ts';
import { tableGrid, tableLayout } from '../../model/table-layout.ts';
import { extremes } from '../../src/charts/chart-spec.ts';
import { cellHtml } from '../../src/render/cell-html.ts';
import type { CellView } from '../../src/render/cell-view.ts';

describe('paragraphs', () => {
  test('splits on blank lines and undoes Markdown backslash escapes', () => {
    expect(paragraphs('共收到申请2件\\*。\n\n\\<script\\>不是代码\\</script\\>\n\n')).toEqual(['共收到申请2件*。', '<script>不是代码</script>']);
  });
});

describe('CSV for spreadsheets', () => {
  test('a cell that a spreadsheet would run as a formula gets a leading quote', () => {
    expect(['=HYPERLINK("x")', '+1', '-1+1', '@SUM(A1)', '\tx', '\rx', '＝1+1', '＠A1'].map(safeCell)).toEqual([
      '\'=HYPERLINK("x")',
      "'+1",
      "'-1+1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "'＝1+1",
      "'＠A1",
    ]);
  });
  test('numbers, including negative ones, stay numbers', () => {
    expect([-3, 0, 12.5, null].map(safeCell)).toEqual([-3, 0, 12.5, null]);
  });
  test('starts with a BOM and leaves blanks empty, not 0', () => {
    expect(recordsCsv([{ 机关: '=cmd', 新收: null, 办结: 0 }])).toBe("\uFEFF机关,新收,办结\r\n'=cmd,,0");
  });
});

describe('table 三 merged labels (model/table-layout.ts)', () => {
  const merged = (template: '2019' | '2021', label: string) =>
    tableGrid(tableLayout('applications', template))
      .flatMap((r) => r.cells)
      .find((c) => c.text === label);
  test('三、本年度办理结果 covers 20 rows in 2019 and 22 in 2021, as the template prints it', () => {
    expect(merged('2019', '三、本年度办理结果')).toMatchObject({ kind: 'rowgroup', level: 0, rowspan: 20 });
    expect(merged('2021', '三、本年度办理结果')).toMatchObject({ kind: 'rowgroup', level: 0, rowspan: 22 });
  });
  test('（三）不予公开 groups its eight rows inside 三、', () => {
    expect(merged('2021', '（三）不予公开')).toMatchObject({ kind: 'rowgroup', level: 1, rowspan: 8 });
  });
});

describe('extremes', () => {
  test('names the highest and lowest, and says how many were blank instead of skipping them silently', () => {
    expect(extremes(['甲', '乙', '丙'], [3, null, 1], String)).toBe('最高的是甲（3），最低的是丙（1）；另有 1 项空白，未计入');
    expect(extremes(['甲', '丙'], [3, 1], String)).toBe('最高的是甲（3），最低的是丙（1）');
  });
  test('never says 均为 0 over values it does not have: blanks and cells it could not tell are counted apart', () => {
    expect(extremes(['甲', '乙', '丙'], [0, 0, 0], String)).toBe('均为 0');
    expect(extremes(['甲', '乙', '丙', '丁'], [0, null, 0, null], String, [false, true, false, false])).toBe(
      '可比较的 2 项均为 0；另有 1 项空白、1 项无法确定，未计入',
    );
  });
  test('says when there is nothing to compare, and why', () => {
    expect(extremes(['甲', '乙'], [null, null], String, [true, false])).toBe('没有可用的数字（1 项空白、1 项无法确定）');
  });
});

describe('cellHtml', () => {
  const view = (over: Partial<CellView>): CellView => ({
    path: 'applications.received.total',
    value: 3,
    raw: undefined,
    grade: null,
    parts: [],
    findings: [],
    ...over,
  });
  test('a blank cell reads 空白 and keeps the printed text as text, never as markup', () => {
    const html = cellHtml(view({ value: null, raw: '<img src=x onerror=alert(1)>"' }));
    expect(html).toContain('class="blank"');
    expect(html).toContain('空白，原文：“&lt;img src=x onerror=alert(1)&gt;&quot;”');
    expect(html).not.toMatch(/<img|"\s*onerror/);
  });
  test('a cell named by a failed check links its message and says it without colour', () => {
    const finding = { kind: 'failed' as const, rule: 'R1', message: '一+二≠三+四 & "x"', cells: ['applications.received.total'], anchor: 'check-2' };
    const html = cellHtml(view({ findings: [finding] }), 2);
    expect(html).toMatch(
      /^<td class="failed" colspan="2" title="未通过 R1：一\+二≠三\+四 &amp; &quot;x&quot;" data-cell="applications.received.total" data-state="number" id="cell-applications-received-total">/,
    );
    expect(html).toContain('<a class="flag" href="#check-2">');
  });
  test('a cell nianbao could not tell reads ？ with 无法确定 and the reason, never the blank dash or 空白', () => {
    const html = cellHtml(view({ value: null, unknown: 'ambiguous' }));
    expect(html).toContain('class="unknown"');
    expect(html).toContain('data-state="unknown"');
    expect(html.replace(/<[^>]+>/g, '')).toBe('？无法确定：原文数字连在一起，有多种拆分方式都符合表内关系，无法确定是哪一种。');
    expect(html).not.toContain('空白');
    expect(html).not.toContain('—');
  });
  test('counts group digits from 1,000 up, as the rest of the site prints them', () => {
    expect([999, 1000, -1200, 2.5].map((value) => cellHtml(view({ value })).replace(/<[^>]+>/g, ''))).toEqual(['999', '1,000', '-1,200', '2.5']);
  });
});
