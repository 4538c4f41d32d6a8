// The compare page cannot mislead. On the typed corpus of test/e2e/fixtures/truth: 洪泽区 2023 prints 9
// lawsuits 未经复议直接起诉 (5 维持, 1 纠正, 1 其他, 2 未审结) and a blank 复议后起诉 block ("—"); 青石县 2021
// fails R2 (（七）总计 21, the outcome rows add to 27). The known 9 stays, no caption says 均为 0, the failed
// report is marked ⚠ in the chart, the table and the CSV, and its CSV carries the check result and sources.
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

  const compare = async (names: string[]) => {
    const { url, browser } = served();
    const ids = [...new Set(names.map((n) => byAgency(n).agencyId))];
    const { page, errors } = await openPage(browser, `${url}compare/?a=${ids.join(',')}`);
    await page.waitForSelector('#compare-charts figure');
    return { page, errors };
  };

  test('a blank 复议后起诉 block does not hide the known 9 lawsuits 未经复议直接起诉, and no caption says 均为 0', async () => {
    const { page, errors } = await compare(['洪泽区人民政府', '青石县人民政府']);
    const direct = await figureText(page, '未经复议直接起诉');
    expect(direct).toContain('（9）');
    // 洪泽区 2023's row of the direct block: 5 1 1 2.
    const row = await page.$$eval('#compare-charts figure', (figs) =>
      [...figs.find((f) => f.querySelector('figcaption')!.textContent!.includes('未经复议直接起诉'))!.querySelectorAll('tbody tr')]
        .map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, '')))
        .find((cells) => cells[0]!.includes('洪泽区人民政府2023'))!,
    );
    expect(row.slice(1)).toEqual(['5', '1', '1', '2']);
    const after = await figureText(page, '复议后起诉');
    expect(after).toContain('空白');
    expect(direct).not.toMatch(/均为 0/);
    // 洪泽区 2024 and 青石县 print 0, 洪泽区 2023 left it blank: the caption says so instead of 均为 0.
    expect(after).toContain('可比较的 2 项均为 0；另有 1 项空白，未计入');
    expect(after).not.toContain('总数均为');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the report failing R2 is marked ⚠ in the chart labels, the data tables, the list of cautions and the CSV', async () => {
    const { page } = await compare(['洪泽区人民政府', '青石县人民政府']);
    const failing = byAgency('青石县人民政府');
    expect(await textOf(page, '#compare-cautions')).toContain('青石县人民政府 2021年：2 项检查未通过');
    expect(await page.getAttribute('#compare-cautions a', 'href')).toContain(`reports/${failing.id}/`);
    const outcomes = await figureText(page, '办理结果（件）');
    expect(outcomes).toContain('青石县人民政府 2021年 ⚠');
    expect(outcomes).toContain('⚠ 27');
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
    });
    expect(row['报告网址']).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/reports/${failing.id}/$`));
    // Shares rounded for people: 27 ÷ 21 = 128.6 %.
    expect(row['占比（%）·予以公开']).toBe('128.6');
    const hongze = rows.find((r) => r['报告'] === byAgency('洪泽区人民政府').id)!;
    expect(hongze).toMatchObject({ 检查结果: '通过', '行政诉讼·未经复议直接起诉·总计': '9', '行政诉讼·复议后起诉·总计': '' });
    // 办理结果总计 is 0: no share, and no share is a long binary fraction.
    expect(hongze['占比（%）·予以公开']).toBe('');
    expect(text).not.toMatch(/\d\.\d{4,}/);
    await page.close();
  });

  test('a report with cells nianbao could not tell is marked, and its unknown cells read ？ and ? in the CSV', async () => {
    const { page } = await compare(['白杨镇人民政府']);
    expect(await textOf(page, '#compare-cautions')).toContain('7 个单元格无法确定');
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
    const labels = await page.$$eval('#compare-charts figure:first-child tbody th', (ths) => ths.map((th) => th.textContent!.trim()));
    expect(labels).toEqual(['2023年', '2024年']);
    await page.close();
  });
});
