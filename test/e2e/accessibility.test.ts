// axe-core finds no serious or critical violation on the main pages, on a desktop and on a 360 px phone.
import { describe, expect, test } from 'vitest';
import { browserAvailable, useBrowser, openPage, seriousViolations, siteUrl } from './site.ts';
import { mainPages } from './pages.ts';

describe.skipIf(!browserAvailable)('accessibility', () => {
  const browser = useBrowser();

  for (const width of [1200, 360]) {
    test.each(mainPages())(`%s at ${width} px has no serious axe violation`, async (_name, path) => {
      const { page } = await openPage(browser(), siteUrl() + path, width);
      await page.waitForTimeout(300); // charts and search results render after load
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
