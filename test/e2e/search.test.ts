// Chinese search the way people type it, on the sample corpus: part of a name finds the agency's
// reports, a term from the body finds the reports that contain it, and every result is reachable
// however many there are (search-traps.test.ts has the name traps and a corpus of more than one page).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launch, openPage, readReport, siteUrl, summaries } from './site.ts';
import { allResults, settled, shownIds, submit } from './search-page.ts';
import type { Report } from '../../model/report.ts';
import type { Summary } from '../../model/summary.ts';
import { FILTER_NAMES, searchFilters } from '../../src/search/search-filters.ts';

/** Report ids of every result the search page gives for what the user typed, all pages read. */
async function search(page: Page, query: string): Promise<string[]> {
  await submit(page, query);
  return (await allResults(page)).ids;
}

describe.skipIf(!browserAvailable)('search', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    ({ page } = await openPage(browser, `${siteUrl()}search/`));
  });
  afterAll(() => browser?.close());

  test('a part of an agency name ("固军") finds that agency’s report', async () => {
    const expected = summaries()
      .filter((s) => s.agency.includes('固军镇'))
      .map((s) => s.id);
    expect(expected.length).toBeGreaterThan(0);
    const found = await search(page, '固军');
    expect(found).toEqual(expect.arrayContaining(expected));
    expect(expected).toContain(found[0]);
  });

  test('a term from the body ("行政强制") finds the reports that report on it', async () => {
    // In prose, or as a table row filled with a figure (顿坊店乡 2021: 22 行政强制 decisions); a row of
    // zeros, printed in every report by the template, says nothing about the subject.
    const reported = (r: Report) =>
      Object.values(r.sections).some((text) => text.includes('行政强制')) || Object.values(r.proactive.coercion ?? {}).some((v) => v !== null && v !== 0);
    const expected = summaries()
      .filter((s) => reported(readReport(s.id)))
      .map((s) => s.id);
    expect(expected.length).toBeGreaterThan(0);
    const found = await search(page, '行政强制');
    expect(found).toEqual(expect.arrayContaining(expected));
  });

  test('the query lives in the URL, so a search link reproduces the results', async () => {
    await submit(page, '固军');
    const expected = await shownIds(page);
    const { page: fresh } = await openPage(browser, page.url());
    await settled(fresh);
    expect(await shownIds(fresh)).toEqual(expected);
    await fresh.close();
  });

  test('a year filter narrows the results to that year', async () => {
    const target = summaries().find((s) => s.agency.includes('固军镇'))!;
    await page.selectOption('select[name="年度"]', String(target.year));
    expect(await search(page, '固军')).toContain(target.id);
    const otherYear = summaries().find((s) => s.year !== target.year)!.year;
    await page.selectOption('select[name="年度"]', String(otherYear));
    const found = await search(page, '固军');
    expect(found.every((id) => summaries().find((s) => s.id === id)?.year === otherYear)).toBe(true);
    await page.selectOption('select[name="年度"]', '');
  });

  // Each year has its own index, searched in turn: a filter must find its reports in every one, on every page.
  // (Filters the sample corpus gives no value, such as a region, have nothing to test.)
  const valueOf = (s: Summary, name: string) => searchFilters(s).find(([n]) => n === name)?.[1];
  test.each(FILTER_NAMES.filter((name) => summaries().some((s) => valueOf(s, name))))(
    'the %s filter alone lists exactly the reports that have its value',
    async (name) => {
      const all = summaries();
      const value = all.map((s) => valueOf(s, name)).find((v) => v !== undefined)!;
      await page.selectOption(`select[name="${name}"]`, value);
      const found = await search(page, '');
      await page.selectOption(`select[name="${name}"]`, '');
      expect(found.sort()).toEqual(
        all
          .filter((s) => valueOf(s, name) === value)
          .map((s) => s.id)
          .sort(),
      );
    },
  );
});
