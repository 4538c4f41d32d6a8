// Search on a corpus with name traps (fixtures/name-traps.ts): a result always contains what was typed,
// never only its characters apart; every result is reachable page by page; an agency's name, its pinyin
// or initials lead to the agency's page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNameTraps } from './fixtures/name-traps.ts';
import { browserAvailable, openPage, textOf, useServedSite } from './site.ts';
import { allResults, settled, submit } from './search-page.ts';
import type { Summary } from '../../model/summary.ts';

describe.skipIf(!browserAvailable)('search on a corpus with name traps', () => {
  let corpus: string | undefined;
  afterAll(() => corpus && rmSync(corpus, { recursive: true, force: true }));
  const served = useServedSite(() => {
    corpus = mkdtempSync(join(tmpdir(), 'nianbao-traps-'));
    return writeNameTraps(join(corpus, 'content'));
  });
  let page: Page;
  let reports: Summary[];
  beforeAll(async () => {
    ({ page } = await openPage(served().browser, `${served().url}search/`));
    reports = JSON.parse(readFileSync(join(served().site.generated, 'reports.json'), 'utf8'));
  });
  const idsOf = (...agencies: string[]) =>
    reports
      .filter((s) => agencies.includes(s.agency))
      .map((s) => s.id)
      .sort();

  test.each([
    // 红旗乡 prints 巩固 and 将军, never 固军.
    ['固军', ['万源市固军镇人民政府']],
    // Every report prints 上年结转 in its table 三 and 西湖乡 writes 网站上 and 上年结转 in its prose; only 东风镇 went to 上海.
    ['上海', ['东风镇人民政府']],
    // Inside longer words (行政复议和, 行政复议案件, 而不予公开); 西岭镇 has the characters apart.
    ['行政复议', ['南山乡人民政府', '北岭镇人民政府']],
    ['不予公开', ['东湖乡人民政府']],
  ])('every result for “%s” contains it, and only those reports are found', async (query, agencies) => {
    await submit(page, query);
    const { ids } = await allResults(page);
    expect(ids.sort()).toEqual(idsOf(...agencies));
    for (const excerpt of await page.$$eval('#search-results li p', (ps) => ps.map((p) => p.textContent ?? ''))) expect(excerpt).toContain(query);
  });

  test('matches that lack the whole query come after the results, under 相关结果', async () => {
    await submit(page, '固军');
    const related = await page.$$eval('#search-related li a', (as) => as.map((a) => a.textContent ?? ''));
    expect(related.some((title) => title.startsWith('红旗乡'))).toBe(true);
    expect(await textOf(page, '#search-related h2')).toBe('相关结果');
    const after = await page.evaluate(
      () =>
        (document.querySelector('#search-results')!.compareDocumentPosition(document.querySelector('#search-related')!) & Node.DOCUMENT_POSITION_FOLLOWING) !==
        0,
    );
    expect(after).toBe(true);
  });

  test('an excerpt quotes the report, not the words the index adds for names', async () => {
    await submit(page, '固军');
    // The name parts the page gives the index ("万源市 万源 固军镇 固军") were once quoted as text.
    const excerpt = await textOf(page, '#search-results li p');
    expect(excerpt).toContain('万源市固军镇人民政府2020年政府信息公开工作年度报告');
    expect(excerpt).not.toMatch(/万源市 万源|固军镇 固军/);
  });

  test('a query found in every report reaches the last page, each report once, with the count true', async () => {
    // The seed's own prose says 政务公开 (政务公开领导小组), so every report of the corpus has it.
    await submit(page, '政务公开');
    const { ids, pages } = await allResults(page);
    expect(pages).toBeGreaterThan(1);
    expect(ids.sort()).toEqual(reports.map((s) => s.id).sort());
    expect(await textOf(page, '#search-status')).toContain(`找到 ${reports.length} 份`);
    expect(page.url()).toContain('page=2');
  });

  test('sorted by relevance, every year is searched at once, and the filters show their counts', async () => {
    await page.selectOption('select[name="sort"]', 'relevance');
    await submit(page, '政务公开');
    await page.selectOption('select[name="sort"]', 'year');
    const status = await textOf(page, '#search-status');
    expect(status).toContain(`找到 ${reports.length} 份`);
    expect(status).not.toContain('还没有搜索');
    expect(page.url()).toContain('sort=relevance');
    const years = await page.$$eval('select[name="年度"] option', (os) => os.map((o) => o.textContent));
    const count = (year: number) => reports.filter((s) => s.year === year).length;
    expect(years).toEqual(['全部', ...[2022, 2021, 2020].map((y) => `${y}（${count(y)}）`)]);
  });

  test.each(['固军', '固军镇人民政府', 'gujunzhen', 'gjz'])('typing “%s” offers the agency’s page first', async (query) => {
    await submit(page, query);
    const first = page.locator('#agency-matches a').first();
    expect(await first.textContent()).toBe('万源市固军镇人民政府');
    await first.click();
    await page.waitForLoadState('load');
    expect(await textOf(page, 'h1')).toBe('万源市固军镇人民政府');
    await page.goto(`${served().url}search/`);
  });

  test('a query whose every name file is more than it may download lists no agency, and says why', async () => {
    const { page: fresh } = await openPage(served().browser, `${served().url}search/`);
    // As on a national portal: 固军's and 军镇's file (one file here) holds 6,000 agencies.
    await fresh.route('**/search/agency-names/sizes-b.json.gz', (route) => route.fulfill({ body: '[6000]', contentType: 'application/json' }));
    await submit(fresh, '固军');
    expect(await textOf(fresh, '#agency-matches p')).toBe('名称含“固军”的机关可能很多：要查明须下载 6000 个机关的名称，这里不列出。请输入更完整的名称。');
    expect(await fresh.locator('#agency-matches a').count()).toBe(0);
    // The reports are found all the same.
    expect(await fresh.locator('#search-results li').count()).toBeGreaterThan(0);
    await fresh.close();
  });

  test('a search link opens on its page of results', async () => {
    const { page: fresh } = await openPage(served().browser, `${served().url}search/?q=${encodeURIComponent('政务公开')}&parts=9&page=2`);
    await settled(fresh);
    expect(await textOf(fresh, '#search-status')).toContain(`这是第 21—${reports.length} 份`);
    await fresh.close();
    // A page past the end (the corpus shrank since the link was shared) shows the last one.
    const { page: past } = await openPage(served().browser, `${served().url}search/?q=${encodeURIComponent('政务公开')}&parts=9&page=99`);
    await settled(past);
    expect(await textOf(past, '#search-status')).toContain(`这是第 21—${reports.length} 份`);
    await past.close();
  });
});
