// Driving the search page as a reader does: type, press Enter, read the results, page to the end.
import type { Page } from 'playwright-core';

/** Waits until the search page has shown everything for its current state. */
export const settled = (page: Page) => page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });

/** Report ids of the results on the page as shown now. */
export async function shownIds(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('#search-results a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.match(/reports\/([^/]+)\//)?.[1] ?? h);
}

/** Types `query` into the search box and submits it; resolves when the first page of results is shown. */
export async function submit(page: Page, query: string): Promise<void> {
  await page.fill('#q', query);
  await page.press('#q', 'Enter');
  await settled(page);
}

/** Clicks a pager button whose text starts with `label`, if there is one; whether there was. */
async function click(page: Page, label: string): Promise<boolean> {
  const button = page.locator('#search-pager button', { hasText: label }).first();
  if ((await button.count()) === 0) return false;
  await button.click();
  await settled(page);
  return true;
}

/**
 * Every result of the search shown now, as a reader gets them: older years searched as the page offers,
 * then "下一页" to the last page. Also returns how many pages were read.
 */
export async function allResults(page: Page): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let pages = 0;
  for (;;) {
    if (await click(page, '搜索更早的')) continue;
    ids.push(...(await shownIds(page)));
    pages++;
    if (!(await click(page, '下一页'))) return { ids, pages };
  }
}
