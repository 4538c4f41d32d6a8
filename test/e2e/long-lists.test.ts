// Lists that grow with the corpus print their first rows (a hundred agencies a page, the first hundred
// rows of a year's ranking or of the check results); filters and sorting still work on every row. Built
// from a synthetic corpus of 600 reports (about 120 agencies), bigger than one page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../../scripts/synthetic/generate.ts';
import { FIRST_ROWS } from '../../src/render/long-table.ts';
import type { Agency } from '../../model/corpus.ts';
import type { Summary } from '../../model/summary.ts';
import { browserAvailable, openPage, seriousViolations, useServedSite } from './site.ts';

const bodyRows = (page: Page, table: string) => page.$$eval(`${table} tbody tr:not([hidden])`, (rows) => rows.length);

describe.skipIf(!browserAvailable)('long lists', () => {
  let corpus: string | undefined;
  afterAll(() => corpus && rmSync(corpus, { recursive: true, force: true }));
  const served = useServedSite(async () => {
    corpus = mkdtempSync(join(tmpdir(), 'nianbao-corpus-'));
    await writeCorpus({ reports: 600, seed: 7, out: join(corpus, 'out') });
    return join(corpus, 'out', 'reports');
  });
  let url: string;
  let browser: Browser;
  let agencies: Agency[];
  let reports: Summary[];
  beforeAll(() => {
    ({ url, browser } = served());
    agencies = JSON.parse(readFileSync(join(served().site.generated, 'agencies.json'), 'utf8'));
    reports = JSON.parse(readFileSync(join(served().site.generated, 'reports.json'), 'utf8'));
  });

  test('without JavaScript, the agency pages list every agency once, a hundred to a page', async () => {
    expect(agencies.length).toBeGreaterThan(FIRST_ROWS);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const listed: string[] = [];
    for (let n = 1; n <= Math.ceil(agencies.length / FIRST_ROWS); n++) {
      const page = await context.newPage();
      await page.goto(`${url}agencies/${n === 1 ? '' : `${n}/`}`);
      listed.push(...(await page.$$eval('#agency-table tbody th a', (as) => as.map((a) => a.getAttribute('href')!.split('/').at(-2)!))));
      if (n === 1) expect(await page.$$eval('.pager a', (as) => as.length)).toBeGreaterThan(1);
      await page.close();
    }
    await context.close();
    expect(listed.sort()).toEqual(agencies.map((a) => a.id).sort());
  });

  test('a filter on the agency list looks at every agency, not only the printed page', async () => {
    const level = agencies[0]!.level;
    const { page } = await openPage(browser, `${url}agencies/?level=${level}`);
    await page.waitForFunction(() => /显示 \d+ 条/.test(document.querySelector('[data-filter-count]')?.textContent ?? ''));
    expect(await bodyRows(page, '#agency-table')).toBe(agencies.filter((a) => a.level === level).length);
    expect(await page.isHidden('#agency-pager')).toBe(true);
    await page.close();
  });

  test('sorting a year’s ranking sorts all its reports', async () => {
    const year = reports[0]!.year;
    const ofYear = reports.filter((s) => s.year === year);
    const { page } = await openPage(browser, `${url}years/${year}/`);
    expect(await bodyRows(page, 'table[data-rows]')).toBe(Math.min(FIRST_ROWS, ofYear.length));
    await page.click('table[data-rows] th:has-text("未通过检查") button');
    // The header says the order once every row has arrived and been sorted (a year of up to a hundred
    // reports already shows them all, so the row count alone would not wait for the sort).
    await page.waitForSelector('table[data-rows] th[aria-sort="descending"]');
    await page.waitForFunction((n) => document.querySelectorAll('table[data-rows] tbody tr').length === n, ofYear.length);
    const first = await page.$eval('table[data-rows] tbody tr td:last-child', (td) => Number((td as HTMLElement).dataset.value));
    expect(first).toBe(Math.max(...ofYear.map((s) => s.failed)));
    await page.close();
  });

  test('the check results filter every failed check, and by part of an agency’s name', async () => {
    const { page } = await openPage(browser, `${url}quality/?status=failed`);
    await page.waitForFunction(() => /显示 \d+ 条/.test(document.querySelector('[data-filter-count]')?.textContent ?? ''));
    expect(await bodyRows(page, '#quality-table')).toBe(reports.reduce((n, s) => n + s.failed, 0));
    const failing = reports.find((s) => s.failed > 0)!;
    await page.fill('input[name="agency"]', failing.agency);
    const agencyFailed = reports.filter((s) => s.agency.includes(failing.agency)).reduce((n, s) => n + s.failed, 0);
    await page.waitForFunction((n) => document.querySelectorAll('#quality-table tbody tr:not([hidden])').length === n, agencyFailed);
    await page.close();
  });

  test('the printed pages, the note under a long table and the page links have no serious axe violation', async () => {
    for (const path of ['agencies/', 'agencies/2/', `years/${reports[0]!.year}/`, 'quality/', 'compare/']) {
      const { page } = await openPage(browser, url + path);
      expect(await seriousViolations(page), path).toEqual([]);
      await page.close();
    }
  });

  test('the compare picker finds an agency by part of its name', async () => {
    const last = [...agencies].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).at(-1)!;
    const { page } = await openPage(browser, `${url}compare/`);
    await page.fill('#agency-filter', last.name);
    await page.check(`input[name="a"][value="${last.id}"]`);
    await page.click('#compare-form button[type="submit"]');
    await page.waitForSelector('#compare-charts figure');
    expect(new URL(page.url()).searchParams.get('a')).toBe(last.id);
    await page.close();
  });
});
