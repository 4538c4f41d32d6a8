// Printed to A4, the report, agency and compare pages keep every chart's legend (as the data table that
// prints in place of the canvas), carry the page's address and the data's date so a printout can be
// cited, and leave out forms and navigation. The PDF's text is read with pdftotext (poppler-utils).
// Without a configured site address, every page prints the whole address it was opened at (with the
// compare page's choice in its query).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserAvailable, openPage, useServedSite } from './site.ts';
import { LONG_NAMES, writeLongNameCorpus } from './fixtures/long-names.ts';

/** The text of each page of a PDF (pdftotext ends each with a form feed). */
function pdfPages(pdf: Buffer, dir: string): string[] {
  const file = join(dir, 'page.pdf');
  writeFileSync(file, pdf);
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) throw new Error(`pdftotext (apt-get install poppler-utils) failed: ${run.error?.message ?? run.stderr}`);
  return run.stdout.split('\f').slice(0, -1);
}
/** Without whitespace: a name or an address may wrap anywhere in a table cell. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(!browserAvailable)('print', () => {
  let corpus: string | undefined;
  const out = mkdtempSync(join(tmpdir(), 'nianbao-print-'));
  afterAll(() => {
    if (corpus) rmSync(corpus, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });
  const served = useServedSite(() => (corpus = writeLongNameCorpus()));
  let url: string;
  let browser: Browser;
  let street: string;
  let bingtuan: string;
  beforeAll(async () => {
    ({ url, browser } = served());
    const { page } = await openPage(browser, `${url}agencies/`);
    const id = (name: string) => page.$eval(`#agency-table a:text-is("${name}")`, (a) => a.getAttribute('href')!.split('/').at(-2)!);
    [street, bingtuan] = [await id(LONG_NAMES.street), await id(LONG_NAMES.bingtuan)];
    await page.close();
  });

  /**
   * The page printed to A4: its text and the address it was printed from. And the
   * headings and captions that end a page, left apart from what they introduce, on A4, A5 and A6 (the
   * smaller sheets move the page breaks: without the print rules, a heading ends a page there).
   */
  const print = async (path: string) => {
    const { page, errors } = await openPage(browser, url + path);
    await page.waitForTimeout(300);
    const headings = await page.$$eval('main :is(h2, h3, figcaption, caption:not(.sr-only))', (hs) => hs.map((h) => h.textContent!.replace(/\s+/g, '')));
    const sheets: Record<string, string[]> = {};
    for (const format of ['A4', 'A5', 'A6']) sheets[format] = pdfPages(await page.pdf({ format, printBackground: true }), out);
    await page.close();
    expect(errors).toEqual([]);
    const lastLine = (text: string) => squeeze(text.trimEnd().split('\n').at(-1) ?? '');
    const alone = Object.entries(sheets).flatMap(([format, pages]) =>
      pages
        .slice(0, -1)
        .map(lastLine)
        .filter((line) => headings.includes(line))
        .map((line) => `${format}: ${line}`),
    );
    const address = new URL(url + path);
    return { text: squeeze(sheets.A4!.join('')), pages: sheets.A4!.length, alone, address: address.href };
  };
  // The build ran a moment ago.
  const today = new Date().toISOString().slice(0, 10);

  test('the agency page prints every legend entry of its three charts', async () => {
    const { text, address, alone } = await print(`agencies/${street}/`);
    expect(text).toContain(`本页地址：${address}`);
    expect(text).toContain(`数据生成于${today}`);
    for (const title of ['新收政府信息公开申请（件）', '申请办理结果（件）', '行政复议和行政诉讼（件）']) expect(text).toContain(title);
    const entries = ['新收申请', '自然人', '法人或其他组织', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'];
    entries.push('行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉');
    for (const entry of entries) expect(text, entry).toContain(entry);
    expect(text).not.toContain('跳到正文');
    expect(text).not.toContain('搜索年报全文');
    expect(alone).toEqual([]);
  });

  test('the year page prints its charts’ legends and its ranking', async () => {
    const { text, address, alone } = await print('years/2020/');
    expect(text).toContain(`本页地址：${address}`);
    for (const entry of ['机关数', '件数', LONG_NAMES.county, LONG_NAMES.bingtuan]) expect(text, entry).toContain(entry);
    expect(text).not.toContain('筛选');
    expect(alone).toEqual([]);
  });

  test('the report page prints its tables with the address, without forms', async () => {
    const { text, address, pages, alone } = await print(`reports/${street}-2021/`);
    expect(text).toContain(`本页地址：${address}`);
    expect(text).toContain(`数据生成于${today}`);
    for (const label of ['收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量', '（七）总计', '四、结转下年度继续办理'])
      expect(text).toContain(label);
    expect(text).not.toContain('左右滑动查看更多列');
    expect(pages).toBeGreaterThan(1);
    expect(alone).toEqual([]);
  });

  test('the compare page prints the choice in its address, every series, and no form', async () => {
    const path = `compare/?a=${street},${bingtuan}&y=2020,2021`;
    const { text, address, alone } = await print(path);
    expect(text).toContain(`本页地址：${address}`);
    // Each agency is a line over the years: its name heads a column of every chart's table, the years its rows.
    for (const entry of [LONG_NAMES.street, LONG_NAMES.bingtuan, '2020年', '2021年']) expect(text, entry).toContain(entry);
    for (const entry of ['结果维持', '结果纠正', '其他结果', '尚未审结']) expect(text, entry).toContain(entry);
    expect(text).not.toContain('按名称查找');
    expect(text).not.toContain('下载对比数据');
    expect(alone).toEqual([]);
  });
});
