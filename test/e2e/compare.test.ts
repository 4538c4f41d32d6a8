// The compare page: picking agencies and years draws the charts; the URL, opened fresh, reproduces the
// view; the CSV download carries a BOM and the numbers of the reports compared.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Agency } from '../../model/corpus.ts';
import { generatedFiles } from '../../model/generated.ts';
import { browserAvailable, launch, openPage, readReport, siteUrl, startsWithBom, summaries } from './site.ts';

/** How many of the page's chart canvases have something drawn on them. */
const drawnCanvases = (page: Page) =>
  page.$$eval(
    '#compare-charts canvas',
    (canvases) =>
      (canvases as HTMLCanvasElement[]).filter((c) => {
        const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
        return data.some((v, i) => i % 4 === 3 && v !== 0);
      }).length,
  );
const tablesText = (page: Page) => page.$$eval('#compare-charts figure', (figs) => figs.map((f) => f.textContent?.replace(/\s+/g, ' ')));

describe.skipIf(!browserAvailable)('compare', () => {
  let browser: Browser;
  let page: Page;
  const all = summaries();
  const agencyIds = [...new Set(all.map((s) => s.agencyId))].slice(0, 3);
  const years = [...new Set(all.filter((s) => agencyIds.includes(s.agencyId)).map((s) => s.year))];
  const compared = all.filter((s) => agencyIds.includes(s.agencyId) && years.includes(s.year));

  beforeAll(async () => {
    browser = await launch();
    ({ page } = await openPage(browser, `${siteUrl()}compare/`));
    // The picker lists an agency once part of its name is typed.
    const names: Agency[] = JSON.parse(readFileSync(generatedFiles().agencies, 'utf8'));
    for (const id of agencyIds) {
      await page.fill('#agency-filter', names.find((a) => a.id === id)!.name);
      await page.check(`input[name="a"][value="${id}"]`);
    }
    for (const y of years) await page.check(`input[name="y"][value="${y}"]`);
    await page.click('#compare-form button[type="submit"]');
    await page.waitForSelector('#compare-charts figure');
  });
  afterAll(() => browser?.close());

  test('draws every chart, each with its summary and its numbers as a table', async () => {
    const figures = await page.$$('#compare-charts figure');
    expect(figures.length).toBeGreaterThanOrEqual(4);
    // A chart with no number to draw says so in words instead of drawing empty axes.
    const drawable = (await page.$$('#compare-charts figure canvas')).length;
    expect(await drawnCanvases(page)).toBe(drawable);
    expect(await page.$$('#compare-charts figure .no-chart')).toHaveLength(figures.length - drawable);
    for (const f of figures) {
      expect(await f.$eval('.summary', (p) => p.textContent!.length)).toBeGreaterThan(5);
      expect(await f.$$('table tbody tr')).not.toHaveLength(0);
    }
    expect(await page.textContent('#compare-status')).toContain(`${compared.length} 份报告`);
  });

  test('the URL holds the choice, and opening it fresh shows the same view', async () => {
    const url = new URL(page.url());
    expect(url.searchParams.get('a')?.split(',').sort()).toEqual([...agencyIds].sort());
    expect(url.searchParams.get('y')?.split(',').map(Number).sort()).toEqual([...years].sort());
    const { page: fresh } = await openPage(browser, url.href);
    await fresh.waitForSelector('#compare-charts figure');
    expect(await drawnCanvases(fresh)).toBe(await drawnCanvases(page));
    expect(await tablesText(fresh)).toEqual(await tablesText(page));
    const checked = await fresh.$$eval('input[name="a"]:checked', (boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(checked.sort()).toEqual([...agencyIds].sort());
    await fresh.close();
  });

  test('the CSV download starts with a BOM and holds the compared reports’ numbers', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#compare-csv')]);
    const bytes = readFileSync((await download.path())!);
    expect(startsWithBom(bytes)).toBe(true);
    const rows = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r['报告']).sort()).toEqual(compared.map((s) => s.id).sort());
    const cell = (v: number | null | undefined) => (typeof v === 'number' ? String(v) : '');
    for (const row of rows) {
      const r = readReport(row['报告']!);
      expect(row['新收申请·自然人']).toBe(cell(r.applications.received?.naturalPerson));
      expect(row['新收申请总计']).toBe(cell(r.applications.received?.total));
      expect(row['办理结果·予以公开']).toBe(cell(r.applications.granted?.total));
      expect(row['办理结果总计']).toBe(cell(r.applications.resultsTotal?.total));
      expect(row['行政复议·总计']).toBe(cell(r.review.total));
    }
  });
});
