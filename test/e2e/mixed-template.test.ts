// A report whose table 二 follows the 2021 form and whose table 三 the 2019 form (such reports are published)
// is laid out table by table in its own format, and /data/'s dictionary says which keys one format only has.
import { describe, expect, test } from 'vitest';
import { browserAvailable, openPage, textOf, useServedSite } from './site.ts';

describe.skipIf(!browserAvailable)('a mixed-template report', () => {
  const served = useServedSite(() => 'test/e2e/fixtures/mixed');

  /** The report page of 青石镇人民政府 2020 (test/e2e/fixtures/mixed/qingshi-2020.txt). */
  const reportPage = async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}agencies/`);
    await page.click('text=青石镇人民政府');
    await page.click('a:has-text("2020年政府信息公开工作年度报告")');
    return page;
  };

  test('table 三 shows the 2019 rows with their numbers: （六）其他处理 is one row holding 2', async () => {
    const page = await reportPage();
    const rows = await page.$$eval('table.applications tbody tr', (trs) => trs.map((tr) => (tr.textContent ?? '').replace(/\s+/g, '')));
    const other = rows.find((r) => r.includes('（六）其他处理') || r.includes('其他处理'));
    // As printed: 自然人 2, the five organisations 0, 总计 2.
    expect(other).toMatch(/其他处理2000002$/);
    expect(rows.some((r) => r.includes('逾期不补正') || r.includes('逾期未按收费通知'))).toBe(false);
    expect(rows).toHaveLength(23);
  });

  test('table 二 keeps the 2021 columns, and the facts name both formats', async () => {
    const page = await reportPage();
    const proactive = await textOf(page, 'table.proactive');
    expect(proactive).toContain('本年制发件数');
    expect(proactive).not.toContain('本年新制作数量');
    const facts = await textOf(page, 'dl.facts');
    expect(facts).toContain('表二：2021年格式');
    expect(facts).toContain('表三：2019年格式');
  });

  test('/data/ marks the keys one format only has', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}data/`);
    const row = async (key: string) => (await page.textContent(`tr:has(code:text-is("${key}"))`))?.replace(/\s+/g, '');
    expect(await row('applications.otherHandling.total')).toContain('仅2019年格式');
    expect(await row('applications.otherMisc.total')).toContain('仅2021年格式');
    // The 2019 收费 cells count fee items; the 2021 one is money (report-format.md §3.3): different keys.
    expect(await row('proactive.fees.previous')).toContain('仅2019年格式');
    expect(await row('proactive.fees.amount')).toMatch(/万元仅2021年格式$/);
    expect(await row('applications.received.total')).toContain('两种格式');
    expect(await row('review.total')).toContain('两种格式');
    expect(await row('year')).toContain('每份报告');
  });
});
