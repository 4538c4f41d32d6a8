// The SQL page answers a query given in its address, from the site alone: DuckDB-WASM and the Parquet
// tables come from the portal itself, no request goes to another host, and a shared link cannot make it
// fetch from one. A NULL is shown as NULL (never an empty cell or 0), and cells says blank or unknown.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launch, siteUrl, startsWithBom, summaries } from './site.ts';

let browser: Browser;
beforeAll(async () => {
  if (browserAvailable) browser = await launch();
});
afterAll(() => browser?.close());

/** Opens the SQL page with a query in its address; every request to another host is refused and recorded. */
async function openQuery(sql: string): Promise<{ page: Page; elsewhere: string[] }> {
  const page = await browser.newPage({ acceptDownloads: true });
  const origin = new URL(siteUrl()).origin;
  const elsewhere: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
  await page.goto(`${siteUrl()}data/sql/?sql=${encodeURIComponent(sql)}`);
  await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('sql-status')?.dataset.state ?? ''), null, { timeout: 90_000 });
  return { page, elsewhere };
}

const cellsOf = (page: Page) => page.$$eval('#sql-results tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));

describe.skipIf(!browserAvailable)('the SQL page', () => {
  test('runs the query in its address on load and counts every report, asking no other host', async () => {
    const { page, elsewhere } = await openQuery('select count(*) from reports');
    expect(await page.textContent('#sql-status')).toMatch(/共 1 行/);
    expect(await cellsOf(page)).toEqual([[String(summaries().length)]]);
    expect(summaries().length).toBeGreaterThan(0);
    expect(await page.inputValue('#sql')).toBe('select count(*) from reports');
    expect(elsewhere).toEqual([]);
  });

  test('shows a printed blank’s value as NULL with its state, and offers the result as CSV', async () => {
    const { page, elsewhere } = await openQuery("select key, value, state from cells where state = 'blank' order by report, key limit 2");
    const rows = await cellsOf(page);
    expect(rows).toHaveLength(2);
    for (const [, value, state] of rows) expect([value, state]).toEqual(['NULL', 'blank']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sql-csv')]);
    const csv = readFileSync((await download.path())!);
    expect(startsWithBom(csv)).toBe(true);
    expect(csv.toString('utf8').slice(1).split('\r\n')[0]).toBe('key,value,state');
    expect(elsewhere).toEqual([]);
  });

  test('a shared link cannot reach another host or unlock DuckDB’s settings', async () => {
    const remote = await openQuery("select * from read_csv('https://example.org/x.csv')");
    expect(await remote.page.textContent('#sql-status')).toMatch(/查询出错/);
    const unlock = await openQuery('set enable_external_access = true');
    expect(await unlock.page.textContent('#sql-status')).toMatch(/locked/);
    expect([...remote.elsewhere, ...unlock.elsewhere]).toEqual([]);
  });

  test('a query typed into the form runs and becomes the address', async () => {
    const { page } = await openQuery('select count(*) from reports');
    await page.fill('#sql', 'select count(*) as n from checks');
    await page.evaluate(() => delete document.getElementById('sql-status')!.dataset.state);
    await page.click('#sql-form button');
    await page.waitForFunction(() => document.getElementById('sql-status')?.dataset.state === 'done');
    expect(new URL(page.url()).searchParams.get('sql')).toBe('select count(*) as n from checks');
    expect(await page.$$eval('#sql-results th', (th) => th.map((t) => t.textContent))).toEqual(['n']);
  });
});
