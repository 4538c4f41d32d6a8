// A year too big for one search index is split by province, and the search page searches it a part at a
// time, the reader's province first: a first search downloads one part, every result stays reachable,
// a query naming an agency starts in its province, and a region filter searches only its province.
// (NIANBAO_SEARCH_BUNDLE_PAGES=2 makes a year of seven reports "too big".)
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeProvinces } from './fixtures/provinces.ts';
import { browserAvailable, textOf, useServedSite } from './site.ts';
import { allResults, settled, submit } from './search-page.ts';
import type { Summary } from '../../model/summary.ts';

describe.skipIf(!browserAvailable)('search in a year split by province', () => {
  let corpus: string | undefined;
  afterAll(() => {
    delete process.env.NIANBAO_SEARCH_BUNDLE_PAGES;
    if (corpus) rmSync(corpus, { recursive: true, force: true });
  });
  const served = useServedSite(() => {
    process.env.NIANBAO_SEARCH_BUNDLE_PAGES = '2';
    corpus = mkdtempSync(join(tmpdir(), 'nianbao-provinces-'));
    return writeProvinces(join(corpus, 'content'));
  });
  let reports: Summary[];
  beforeAll(() => {
    reports = JSON.parse(readFileSync(join(served().site.generated, 'reports.json'), 'utf8'));
  });
  const idOf = (agency: string, year = 2021) => reports.find((s) => s.agency === agency && s.year === year)!.id;

  /** A fresh page (nothing cached) and the search bundles it fetches from the query on. */
  async function fresh(): Promise<{ context: BrowserContext; page: Page; bundles: () => string[] }> {
    const context = await served().browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served().url}search/`, { waitUntil: 'networkidle' });
    const urls: string[] = [];
    context.on('request', (r) => urls.push(new URL(r.url()).pathname));
    const bundles = () => [...new Set(urls.flatMap((u) => u.match(/\/pagefind\/([^/]+)\/pagefind\.[^/]*pf_meta$/)?.[1] ?? []))].sort();
    return { context, page, bundles };
  }

  test('the split year has a bundle per province, a big one in parts', () => {
    const bundles = readFileSync(join(served().site.generated, 'search-bundles.json'), 'utf8');
    for (const name of ['2021-p32', '2021-p44-1', '2021-p44-2', '2021-p51', '2020']) expect(bundles).toContain(`pagefind/${name}/`);
  });

  test('a first search reads one part of the year, says what is left, and every result is reachable', async () => {
    const { context, page, bundles } = await fresh();
    await submit(page, '政务公开');
    await page.waitForLoadState('networkidle');
    expect(bundles()).toHaveLength(1);
    expect(await textOf(page, '#search-status')).toMatch(/^在 2021 年度\S+的报告中找到 \d 份含“政务公开”的报告。还有 \d 部分没有搜索/);
    const { ids } = await allResults(page);
    expect(ids.sort()).toEqual(reports.map((s) => s.id).sort());
    await context.close();
  });

  test('a query naming an agency searches its province first, and finds it there', async () => {
    const { context, page, bundles } = await fresh();
    await submit(page, '鼓楼区');
    await page.waitForLoadState('networkidle');
    expect(bundles()).toEqual(['2021-p32']);
    expect(await textOf(page, '#search-status')).toContain('在 2021 年度江苏省的报告中找到 1 份');
    expect(await page.$$eval('#search-results a', (as) => as.map((a) => a.getAttribute('href')))).toEqual([`/reports/${idOf('鼓楼区人民政府')}/`]);
    await context.close();
  });

  test('a region filter searches only the bundles of its province, every year', async () => {
    const { context, page, bundles } = await fresh();
    await page.selectOption('select[name="地区"]', '四川省达州市万源市');
    await submit(page, '政务公开');
    await settled(page);
    const { ids } = await allResults(page);
    expect(ids.sort()).toEqual([idOf('万源市人民政府'), idOf('万源市人民政府', 2020)].sort());
    expect(bundles()).toEqual(['2020', '2021-p51']);
    await context.close();
  });
});
