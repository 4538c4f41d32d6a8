// The compare page cannot mislead. On the typed corpus of test/e2e/fixtures/truth: 洪泽区 2023 prints 9
// lawsuits 未经复议直接起诉 (5 维持, 1 纠正, 1 其他, 2 未审结) and a blank 复议后起诉 block ("—"); 青石县 2021
// fails R2 (（七）总计 21, the outcome rows add to 27). The known 9 stays, no caption says 均为 0, the
// contradicted figures are marked ⚠ in the chart, the table and the CSV (the total with what its rows add up
// to, no share over it), and its CSV carries the check result and sources.
import { afterAll, describe, expect, test } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import type { Summary } from '../../model/summary.ts';
import { truthCorpus } from './fixtures/truth-corpus.ts';
import { browserAvailable, openPage, textOf, useServedSite } from './site.ts';

const figureText = (page: Page, title: string) =>
  page.$$eval(
    '#compare-charts figure',
    (figs, t) => figs.find((f) => f.querySelector('figcaption')!.textContent!.includes(t))?.textContent?.replace(/\s+/g, ' ') ?? '',
    title,
  );

describe.skipIf(!browserAvailable)('compare that cannot mislead', () => {
  let corpus = '';
  const served = useServedSite(() => (corpus = truthCorpus()));
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));
  const reports = (): Summary[] => JSON.parse(readFileSync(join(served().site.generated, 'reports.json'), 'utf8'));
  const byAgency = (name: string) => reports().find((s) => s.agency === name)!;

  const compare = async (names: string[], query = '') => {
    const { url, browser } = served();
    const ids = [...new Set(names.map((n) => byAgency(n).agencyId))];
    const { page, errors } = await openPage(browser, `${url}compare/?a=${ids.join(',')}${query}`);
    await page.waitForSelector('#compare-charts figure');
    return { page, errors };
  };

  test('a blank 复议后起诉 block does not hide the known 9 lawsuits 未经复议直接起诉, and no caption says 均为 0', async () => {
    const { page, errors } = await compare(['洪泽区人民政府', '青石县人民政府'], '&b=2023');
    // Over the years, 洪泽区's 2023 reads 9 lawsuits 未经复议直接起诉 and a blank 复议后起诉.
    const trend = await page.$$eval('#compare-charts figure', (figs) =>
      [...figs.find((f) => f.querySelector('figcaption')!.textContent!.includes('未经复议直接起诉'))!.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.children].map((c) => c.textContent!.replace(/\s+/g, '')),
      ),
    );
    expect(trend.find((row) => row[0] === '2023年')!.slice(1)).toEqual(['9', '无报告本站没有这一年度的报告']);
    // In 2023, its 直接起诉 block by result: 5 1 1 2.
    const direct = await figureText(page, '未经复议直接起诉）结果');
    expect(direct).toContain('淮安市洪泽区人民政府为 9');
    const column = await page.$$eval('#compare-charts figure', (figs) =>
      [...figs.find((f) => f.querySelector('figcaption')!.textContent!.includes('未经复议直接起诉）结果'))!.querySelectorAll('tbody tr')].map((tr) =>
        tr.children[1]!.textContent!.replace(/\s+/g, ''),
      ),
    );
    expect(column).toEqual(['5', '1', '1', '2']);
    // Its 复议后起诉 block was left blank: the caption says so instead of 均为 0.
    const after = await figureText(page, '复议后起诉）结果');
    expect(after).toContain('空白');
    expect(after).toContain('没有可用的数字（1 项空白）');
    expect(direct + after).not.toMatch(/均为 0/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the report failing R2 is marked ⚠ in the charts’ tables, the list of cautions and the CSV, with no share over its total', async () => {
    const { page } = await compare(['洪泽区人民政府', '青石县人民政府']);
    const failing = byAgency('青石县人民政府');
    expect(await textOf(page, '#compare-cautions')).toContain('青石县人民政府 2021年：表三的数字与报告自身的其他数字矛盾（⚠，本报告 2 项检查未通过）');
    expect(await page.getAttribute('#compare-cautions a', 'href')).toContain(`reports/${failing.id}/`);
    // （七）总计 21, its rows add up to 27.
    expect(await figureText(page, '办理结果总计（件）')).toContain('⚠ 21（原表总计；各项合计 27）');
    expect(await figureText(page, '公开率')).toContain('⚠ 不计算');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#compare-csv')]);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const row = rows.find((r) => r['报告'] === failing.id)!;
    expect(row).toMatchObject({
      检查结果: '未通过',
      未通过检查项: '2',
      边界推断: '否',
      原文网址: 'https://www.qingshi.example.gov.cn/ndbg/2021.html',
      注意: expect.stringContaining('2 项检查未通过'),
      办理结果总计: '⚠ 21（原表总计；各项合计 27）',
    });
    expect(row['报告网址']).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/reports/${failing.id}/$`));
    // No share over a contradicted denominator (27 ÷ 21 would read 128.6 %).
    expect(row['占比（%）·予以公开']).toBe('⚠ 不计算');
    const hongze = rows.find((r) => r['报告'] === byAgency('洪泽区人民政府').id)!;
    expect(hongze).toMatchObject({ '行政诉讼·未经复议直接起诉·总计': '9', '行政诉讼·复议后起诉·总计': '' });
    // Its blank 复议后起诉 block leaves checks undecided: never read as 通过.
    expect(hongze['检查结果']).toBe('部分无法判断');
    // 办理结果总计 is 0: no share, and no share is a long binary fraction.
    expect(hongze['占比（%）·予以公开']).toBe('');
    expect(text).not.toMatch(/\d\.\d{4,}/);
    await page.close();
  });

  test('a report with cells nianbao could not tell is marked, and its unknown cells read ？ and ? in the CSV', async () => {
    const { page } = await compare(['白杨镇人民政府']);
    expect(await textOf(page, '#compare-cautions')).toContain('白杨镇人民政府 2021年：表三有数字无法确定（？）');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#compare-csv')]);
    const rows = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toMatchObject({ 无法确定的单元格: '7', 新收申请总计: '0' });
    await page.close();
  });

  test('with one agency, its years run along the axis', async () => {
    const { page } = await compare(['洪泽区人民政府']);
    const labels = await page.$eval('#compare-charts figure', (f) => [...f.querySelectorAll('tbody th')].map((th) => th.textContent!.trim()));
    expect(labels).toEqual(['2023年', '2024年']);
    await page.close();
  });
});
