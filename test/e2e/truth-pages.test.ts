// Every statement a page makes is true and traceable. A corpus typed from a seed report (content/) by hand:
// 洪泽区人民政府 2023 and 淮安市洪泽区人民政府 2024 (one agency), a report whose table 三 fails R2
// (（七）总计 21, the outcome rows add to 27), one whose 二、上年结转 row is missing (cells nianbao cannot tell),
// an HTML report carrying <script>, and agencies.csv with each agency's 原文 address.
import { afterAll, describe, expect, test } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Agency } from '../../model/corpus.ts';
import type { Summary } from '../../model/summary.ts';
import { truthCorpus } from './fixtures/truth-corpus.ts';
import { browserAvailable, openPage, seriousViolations, textOf, useServedSite } from './site.ts';

/** What agencies.csv says, read by a person: the address each report must link as 查看原文. */
const SOURCES: Record<string, string> = {
  洪泽区人民政府: 'https://www.hongze.example.gov.cn/xxgk/2023/ndbg.html',
  淮安市洪泽区人民政府: 'https://www.hongze.example.gov.cn/xxgk/2024/ndbg.html',
  青石县人民政府: 'https://www.qingshi.example.gov.cn/ndbg/2021.html',
  白杨镇人民政府: 'https://www.baiyang.example.gov.cn/ndbg/2021.html',
};

describe.skipIf(!browserAvailable)('truth on report and agency pages', () => {
  let corpus = '';
  const served = useServedSite(() => (corpus = truthCorpus()));
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));
  const generated = (file: string) => join(served().site.generated, file);
  const reports = (): Summary[] => JSON.parse(readFileSync(generated('reports.json'), 'utf8'));
  const byAgency = (name: string) => reports().find((s) => s.agency === name)!;

  test('洪泽区人民政府 2023 and 淮安市洪泽区人民政府 2024 are one agency with one page, placed in 江苏省淮安市洪泽区', async () => {
    const agencies: Agency[] = JSON.parse(readFileSync(generated('agencies.json'), 'utf8'));
    const hongze = agencies.filter((a) => a.names.some((n) => n.includes('洪泽区')));
    expect(hongze).toHaveLength(1);
    expect(hongze[0]!.years).toEqual([2023, 2024]);
    expect(hongze[0]!.region).toBe('江苏省淮安市洪泽区');
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}agencies/${hongze[0]!.id}/`);
    expect(await textOf(page, 'dl.facts')).toContain('江苏省淮安市洪泽区');
    expect(await textOf(page, 'dl.facts')).toContain('淮安市洪泽区人民政府；洪泽区人民政府');
    const years = await page.$$eval('table.data tbody th', (ths) => ths.map((th) => th.textContent!.trim()));
    expect(years).toEqual(expect.arrayContaining(['2023年', '2024年']));
    // The agency list's 地区 filter offers the province, the city and the county.
    const { page: list } = await openPage(browser, `${url}agencies/`);
    const options = await list.$$eval('select[name="region"] option', (os) => os.map((o) => o.textContent!.trim()));
    expect(options).toEqual(expect.arrayContaining(['江苏省', '江苏省淮安市', '江苏省淮安市洪泽区']));
    await Promise.all([page.close(), list.close()]);
  });

  test('each report links its 原文 address as 查看原文, and cites it with the page address and the data date', async () => {
    const { url, browser } = served();
    for (const [agency, source] of Object.entries(SOURCES)) {
      const { page } = await openPage(browser, `${url}reports/${byAgency(agency).id}/`);
      expect(await page.getAttribute('a.source-link', 'href'), agency).toBe(source);
      expect(await textOf(page, 'a.source-link')).toBe('查看原文');
      const cite = await textOf(page, 'section.cite');
      expect(cite).toContain(agency);
      expect(cite).toContain(source);
      expect(cite).toContain(new URL(page.url()).pathname);
      expect(cite).toMatch(/数据生成日期\s*\d{4}-\d{2}-\d{2}/);
      await page.close();
    }
  });

  test('cells nianbao could not tell read ？ 无法确定 with the reason, never 空白, and the notice says so once', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}reports/${byAgency('白杨镇人民政府').id}/`);
    const cells = await page.$$eval('td[data-cell^="applications.carriedOver."]', (tds) =>
      tds.map((td) => ({ text: td.textContent!, title: td.getAttribute('title') ?? '' })),
    );
    expect(cells).toHaveLength(7);
    for (const c of cells) {
      expect(c.text).toContain('？');
      expect(c.text).toContain('未找到该行');
      expect(c.text + c.title).not.toContain('空白');
      expect(c.text).not.toContain('—');
    }
    // A printed 0 elsewhere is still 0.
    expect(await textOf(page, 'td[data-cell="applications.received.total"]')).toBe('0');
    expect(await page.$$('.notice')).toHaveLength(1);
    const notice = await textOf(page, '#report-notice');
    expect(notice).toContain('7 个单元格无法确定');
    expect(notice).toContain('未找到该行');
    expect(notice).not.toContain('table/');
    await page.close();
  });

  test('a report failing R2 says so once, in Chinese, and its cells carry ⚠', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}reports/${byAgency('青石县人民政府').id}/`);
    expect(await page.$$('.notice')).toHaveLength(1);
    expect(await textOf(page, '#report-notice')).toContain('有 2 项一致性检查未通过');
    expect(await textOf(page, 'td[data-cell="applications.resultsTotal.total"]')).toContain('⚠');
    expect(await textOf(page, 'main')).not.toMatch(/table\/|template\/|meta\//);
    await page.close();
  });

  test('the original HTML with <script> downloads byte-identical but runs nothing on the site', async () => {
    const { url, browser, site } = served();
    const s = reports().find((r) => r.file.endsWith('.html'))!;
    const { page, errors } = await openPage(browser, `${url}reports/${s.id}/`);
    const link = (await page.getAttribute('a[download][href*="originals/"]', 'href'))!;
    expect(link).toMatch(/\.html\.txt$/);
    expect(await page.getAttribute('a[download][href*="originals/"]', 'download')).toBe(`${s.id}.html`);
    const response = await fetch(new URL(link, page.url()));
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.headers.get('content-disposition')).toBe('attachment');
    expect(response.headers.get('content-security-policy')).toBe('sandbox');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes).equals(readFileSync(join(site.content, 'script-report.html')))).toBe(true);
    const sha = (await crypto.subtle.digest('SHA-256', bytes)) as ArrayBuffer;
    expect(await textOf(page, '.sha code')).toBe(Buffer.from(sha).toString('hex'));
    // Opened directly, the original is a download, not a page: nothing of it runs on the site's origin.
    const other = await browser.newPage();
    const dialogs: string[] = [];
    other.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await other.goto(new URL(link, page.url()).href).catch(() => undefined);
    await other.goto(`${url}`);
    expect(await other.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    // No original is served as a page.
    const data = await fetch(new URL(link.replace(/\.txt$/, ''), page.url()));
    expect(data.status).toBe(404);
    await Promise.all([page.close(), other.close()]);
  });

  test('reports.csv writes ? for a cell nianbao could not tell and empty for a printed blank, with the reason beside', async () => {
    const text = readFileSync(generated('downloads/reports.csv'), 'utf8');
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const baiyang = rows.find((r) => r.agency === '白杨镇人民政府')!;
    expect(baiyang['applications.carriedOver.total']).toBe('?');
    expect(baiyang.unknown).toContain('applications.carriedOver.total=row-not-found');
    const hongze = rows.find((r) => r.agency === '洪泽区人民政府')!;
    expect(hongze['litigationAfterReview.total']).toBe('');
    expect(hongze['litigationDirect.total']).toBe('9');
    expect(hongze.unknown).toBe('');
    const own = readFileSync(generated(`downloads/reports/${byAgency('白杨镇人民政府').id}.csv`), 'utf8');
    const cells = Papa.parse<Record<string, string>>(own.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(cells.find((c) => c.key === 'applications.carriedOver.total')).toMatchObject({
      value: '',
      state: 'unknown',
      reason: expect.stringContaining('未找到该行'),
    });
    expect(cells.find((c) => c.key === 'applications.received.total')).toMatchObject({ value: '0', state: 'number' });
  });

  test('the marks read by screen readers too: no serious axe violation on a report with ？ cells, an agency page and compare', async () => {
    const { url, browser } = served();
    const agencyId = byAgency('洪泽区人民政府').agencyId;
    const paths = [`reports/${byAgency('白杨镇人民政府').id}/`, `agencies/${agencyId}/`, `compare/?a=${agencyId},${byAgency('青石县人民政府').agencyId}`];
    for (const path of paths) {
      const { page } = await openPage(browser, url + path);
      if (path.startsWith('compare')) await page.waitForSelector('#compare-charts figure');
      expect(await seriousViolations(page), path).toEqual([]);
      await page.close();
    }
  });
});
