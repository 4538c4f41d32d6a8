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

/** Clicks the pager button `selector` names, if there is one; whether there was. */
async function click(page: Page, selector: string): Promise<boolean> {
  const button = page.locator(selector).first();
  if ((await button.count()) === 0) return false;
  await button.click();
  await settled(page);
  return true;
}

/** The pager's button that searches the next part of the index (an older year, or more of a year's provinces). */
export const MORE = '#search-pager button[data-more]';

/**
 * Every result of the search shown now, as a reader gets them: the rest of the index searched part by
 * part as the page offers, then "下一页" to the last page. Also returns how many pages were read.
 */
export async function allResults(page: Page): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let pages = 0;
  for (;;) {
    if (await click(page, MORE)) continue;
    ids.push(...(await shownIds(page)));
    pages++;
    if (!(await click(page, '#search-pager button:text-is("下一页")'))) return { ids, pages };
  }
}
