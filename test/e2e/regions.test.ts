// Browsing by region (fixtures/regions.ts, reports typed in the sample report's layout): from /regions/ down
// to a street office and back up by the breadcrumbs, reading on the way how many agencies each area has,
// how many of them the portal has a report of each year for (coverage, with the words that a missing report
// is not proof of anything), the area's sums in their three states, on-time publication, and each agency's
// marks: ⚠ only for the report that contradicts itself, ？ for checks that cannot be decided, nothing for
// the others. Expected values are counted by hand from the fixture:
//
//   福建省 4 agencies (福州市人民政府, and in 鼓楼区 its government, 教育局, 鼓东街道), 2022: 3 reports (教育局 none),
//     2023: 4. Received 2022: 30 + 12 + 0 = 42; 2023: 40 + 15 (printed; its columns add up to 12: ⚠) + 3 + 0 = 58.
//     On time 2022: 福州市 (3-20) yes, 鼓楼区 (4-10) ten days late, 鼓东 no deadline: 1 of 2;
//     2023: 福州市 (3-28), 鼓楼区 (3-1), 教育局 (1-25): 3 of 3.
//   江苏省 2 agencies with reports and 孝陵卫街道 listed in agencies.csv without one: 3 expected;
//     2022: 1 report (玄武门), 2023: 2.
//   未定地区: 鼓楼区人民政府.
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { writeRegions } from './fixtures/regions.ts';
import { browserAvailable, openPage, seriousViolations, textOf, useServedSite } from './site.ts';

/** A table's rows as the cells' text, whitespace collapsed. */
const rowsOf = (page: Page, selector: string) =>
  page.$$eval(`${selector} tbody tr`, (rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));
const crumbs = (page: Page) => page.$$eval('nav.crumbs a', (as) => as.map((a) => a.textContent!.trim()));

describe.skipIf(!browserAvailable)('browsing by region', () => {
  let corpus: string | undefined;
  afterAll(() => corpus && rmSync(corpus, { recursive: true, force: true }));
  const served = useServedSite(() => {
    corpus = mkdtempSync(join(tmpdir(), 'nianbao-regions-'));
    return writeRegions(join(corpus, 'content'));
  });

  test('from the home page, /regions/ lists each province with its agencies and the newest year’s coverage', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, url);
    await page.click('a[href="/regions/"]');
    await page.waitForURL(/\/regions\/$/);
    expect(await textOf(page, 'main')).toContain('不等于该机关当年没有发布');
    const rows = await rowsOf(page, 'table.region-table');
    // 地区, 机关, 2023年度有报告 (share), 没有报告, 新收申请, 按期发布, 未通过检查的报告
    expect(rows.find((r) => r[0] === '福建省')!.slice(0, 4)).toEqual(['福建省', '4', '4（100%）', '0']);
    expect(rows.find((r) => r[0] === '江苏省')!.slice(0, 4)).toEqual(['江苏省', '3', '2（66.7%）', '1']);
    expect(rows.find((r) => r[0] === '未定地区')!.slice(0, 4)).toEqual(['未定地区', '1', '1（100%）', '0']);
    await page.close();
  });

  test('a province counts who reported each year, and sums that say what they take as printed', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}regions/`);
    await page.click('table.region-table a:text-is("福建省")');
    await page.waitForURL(/\/regions\/35\/$/);
    expect(await page.textContent('h1')).toBe('福建省');
    expect(await rowsOf(page, '#coverage-counts')).toEqual([
      ['2023年度', '4', '0', '100%'],
      ['2022年度', '3', '1', '75%'],
    ]);
    const totals = await rowsOf(page, '#area-totals');
    // 年度, 报告, 新收申请, …, 按期发布, 未通过检查的报告
    expect(totals[0]![0]).toBe('2023年度');
    expect(totals[0]![2]).toBe('58（⚠ 1 份矛盾）');
    expect(totals[0]!.at(-2)).toBe('100%（3 份中 3 份按期）');
    expect(totals[0]!.at(-1)).toBe('⚠ 1');
    expect(totals[1]![2]).toBe('42');
    expect(totals[1]!.at(-2)).toBe('50%（2 份中 1 份按期）');
    expect(totals[1]!.at(-1)).toBe('0');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('down to a county: its agencies with their latest figures, marks and a cell per year', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}regions/35/`);
    await page.click('#below a:text-is("福州市"), table.region-table a:text-is("福州市")');
    await page.waitForURL(/\/regions\/3501\/$/);
    // The city government is the city's own agency; 鼓楼区 is below it.
    expect((await rowsOf(page, '#region-agencies')).map((r) => r[0])).toEqual(['福州市人民政府']);
    await page.click('table.region-table a:text-is("鼓楼区")');
    await page.waitForURL(/\/regions\/350102\/$/);
    expect(await crumbs(page)).toEqual(['首页', '地区', '福建省', '福州市']);
    const rows = await rowsOf(page, '#region-agencies');
    // 机关, 层级, 新收申请, 公开率, 复议与诉讼, 未通过检查, 2023, 2022 (governments, then townships, then departments)
    expect(rows).toEqual([
      // The printed total its columns contradict: ⚠ with what they add up to (and, for screen readers, that it is contradicted).
      ['福州市鼓楼区人民政府', '县级', '⚠ 15（原表总计；各列合计 12）（数字互相矛盾）', '⚠ 不计算', '0', '⚠ 2 项未通过', '有', '有'],
      ['福州市鼓楼区鼓东街道办事处', '乡镇级', '0', '—', '0', '0', '有', '有'],
      ['福州市鼓楼区教育局', '部门', '3', '100%', '0', '0', '有', '无'],
    ]);
    await page.close();
  });

  test('a street office’s page says where it is, as breadcrumbs that lead back up', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}regions/350102/`);
    await page.click('#region-agencies a:text-is("福州市鼓楼区鼓东街道办事处")');
    await page.waitForURL(/\/agencies\/[0-9a-f]+\/$/);
    expect(await crumbs(page)).toEqual(['首页', '地区', '福建省', '福州市', '鼓楼区']);
    expect(await rowsOf(page, '#coverage-table')).toEqual([
      ['2023年', '有', '发布时限：条例第四十九条未规定乡镇、街道报告的发布期限，不作判断（依据）'],
      ['2022年', '有', '发布时限：条例第四十九条未规定乡镇、街道报告的发布期限，不作判断（依据）'],
    ]);
    await page.click('nav.crumbs a:text-is("福州市")');
    await page.waitForURL(/\/regions\/3501\/$/);
    await page.click('nav.crumbs a:text-is("福建省")');
    await page.waitForURL(/\/regions\/35\/$/);
    await page.close();
  });

  test('a department missing a year: its page names the year, and says that is not proof', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}regions/350102/`);
    await page.click('#region-agencies a:text-is("福州市鼓楼区教育局")');
    await page.waitForURL(/\/agencies\//);
    expect(await textOf(page, '#agency-coverage + p')).toContain('本库没有该机关 2022 年度的报告');
    expect(await textOf(page, '#agency-coverage + p')).toContain('不等于该机关当年没有发布');
    expect(await rowsOf(page, '#coverage-table')).toContainEqual(['2022年', '本库没有该年度的报告', '—']);
    await page.close();
  });

  test('an agency agencies.csv lists without a report counts as expected, and a check that cannot be decided reads ？', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}regions/32/`);
    expect(await rowsOf(page, '#coverage-counts')).toEqual([
      ['2023年度', '2', '1', '66.7%'],
      ['2022年度', '1', '2', '33.3%'],
    ]);
    await page.goto(`${url}regions/320102/`);
    const rows = await rowsOf(page, '#region-agencies');
    expect(rows.find((r) => r[0]!.startsWith('南京市玄武区孝陵卫街道办事处'))).toEqual([
      '南京市玄武区孝陵卫街道办事处（列于 agencies.csv，本库没有它的报告）',
      '乡镇级',
      '—',
      '—',
      '—',
      '没有报告',
      '无',
      '无',
    ]);
    // Its 2023 report prints no 上年结转 row: checks that need it cannot be decided (？), none failed (no ⚠).
    const xuanwumen = rows.find((r) => r[0] === '南京市玄武区玄武门街道办事处')!;
    expect(xuanwumen[5]).toMatch(/^？ \d+ 项无法判断$/);
    expect(xuanwumen.join('')).not.toContain('⚠');
    await page.close();
  });

  test('未定地区 lists the agency whose name places nowhere, with why', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}regions/none/`);
    const [row] = await rowsOf(page, '#region-agencies');
    expect(row![0]).toMatch(/^鼓楼区人民政府未定地区：名称开头的“鼓楼区”在全国有 \d+ 处（.+），无法确定是哪一处$/);
    await page.close();
  });

  test('the agency list links each agency’s region', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}agencies/`);
    await page.click('#agency-table tr:has(a:text-is("南京市玄武区人民政府")) a:text-is("江苏省南京市玄武区")');
    await page.waitForURL(/\/regions\/320102\/$/);
    expect(await page.textContent('h1')).toBe('江苏省南京市玄武区');
    await page.close();
  });
});
