// A report page shows a failed check on the very cells it names, with its message, and a blank cell
// looks different from a 0.
import { describe, expect, test } from 'vitest';
import { browserAvailable, useBrowser, openPage, readReport, siteUrl, summaries, textOf } from './site.ts';
import type { Report } from '../../model/report.ts';

const reports = () => summaries().map((s) => readReport(s.id));
/** Every dotted cell path of a report's three tables with its value. */
const cellsOf = (r: Report): [string, number | null][] =>
  (['proactive', 'applications'] as const)
    .flatMap((t) => Object.entries(r[t]).flatMap(([row, cols]) => Object.entries(cols).map(([col, v]) => [`${t}.${row}.${col}`, v] as [string, number | null])))
    .concat(
      (['review', 'litigationDirect', 'litigationAfterReview'] as const).flatMap((b) =>
        Object.entries(r[b]).map(([col, v]) => [`${b}.${col}`, v] as [string, number | null]),
      ),
    );

describe.skipIf(!browserAvailable)('report page', () => {
  const browser = useBrowser();

  test('a failed check is marked on each cell it names, and its message is reachable from the cell', async () => {
    // A failed check, or a check the data stage reports as a warning on cells: R13, the prose gives
    // another figure than the table (乡宁县 2020 says it received 2 applications over a table of zeros).
    const flagged = (x: Report) => [
      ...x.checks.filter((c) => c.ok === false),
      ...x.warnings.filter((w) => w.cells?.length).map((w) => ({ message: w.message, cells: w.cells! })),
    ];
    const r = reports().find((x) => flagged(x).length > 0);
    expect(r, 'the sample corpus holds a report that fails a check').toBeDefined();
    const { page } = await openPage(browser(), `${siteUrl()}reports/${r!.id}/`);
    for (const check of flagged(r!)) {
      for (const path of check.cells) {
        const cell = page.locator(`td[data-cell="${path}"]`);
        await expect.poll(() => cell.getAttribute('class')).toContain('failed');
        const marker = cell.locator('a.flag', { hasText: check.message });
        expect(await marker.count()).toBeGreaterThan(0);
        await marker.first().click();
        const target = decodeURIComponent(new URL(page.url()).hash);
        expect(await textOf(page, target)).toContain(check.message);
      }
    }
    expect(await textOf(page, '.notice.bad')).toContain('⚠');
  });

  test('a blank cell reads "空白" with a dash, while a 0 reads 0', async () => {
    const withBlank = reports().find((x) => cellsOf(x).some(([, v]) => v === null));
    expect(withBlank, 'the sample corpus holds a report with a blank cell').toBeDefined();
    const [blankPath] = cellsOf(withBlank!).find(([, v]) => v === null)!;
    const { page } = await openPage(browser(), `${siteUrl()}reports/${withBlank!.id}/`);
    const blank = page.locator(`td[data-cell="${blankPath}"]`);
    expect(await blank.textContent()).toMatch(/—.*空白/);
    expect(await blank.getAttribute('title')).toContain('空白');

    const withZero = reports().find((x) => cellsOf(x).some(([, v]) => v === 0))!;
    const [zeroPath] = cellsOf(withZero).find(([, v]) => v === 0)!;
    const { page: zeroPage } = await openPage(browser(), `${siteUrl()}reports/${withZero.id}/`);
    const zero = zeroPage.locator(`td[data-cell="${zeroPath}"]`);
    expect((await zero.textContent())?.trim()).toMatch(/^(⚠.*)?0$/);
    expect((await zero.getAttribute('class')) ?? '').not.toContain('blank');
  });

  test('runs no script of its own but the one that writes its full address, and links this report’s JSON, CSV and original file', async () => {
    const s = summaries()[0]!;
    const { page } = await openPage(browser(), `${siteUrl()}reports/${s.id}/`);
    expect(await page.$$eval('script:not([src]):not([type="application/json"])', (x) => x.length)).toBe(0);
    // Built without --site, one small module puts the page's full address into the 引用 block and the printout.
    const scripts = await page.$$eval('script[src]', (x) => x.map((s) => (s as HTMLScriptElement).src));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(new RegExp(`^${siteUrl()}_astro/`));
    expect(await page.textContent('[data-cite-url]')).toBe(`${siteUrl()}reports/${s.id}/`);
    const links = await page.$$eval('.downloads a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.some((h) => h.endsWith(`data/reports/${s.id}.json`))).toBe(true);
    expect(links.some((h) => h.endsWith(`data/reports/${s.id}.csv`))).toBe(true);
    for (const href of links) expect((await page.request.get(href)).status(), href).toBe(200);
  });
});
