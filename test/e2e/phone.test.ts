// On a 360 px phone no main page scrolls sideways: wide tables scroll inside their own region.
import { describe, expect, test } from 'vitest';
import { browserAvailable, useBrowser, openPage, siteUrl } from './site.ts';
import { mainPages } from './pages.ts';

describe.skipIf(!browserAvailable)('360 px phone', () => {
  const browser = useBrowser();

  test.each(mainPages())('%s fits the screen width', async (_name, path) => {
    const { page } = await openPage(browser(), siteUrl() + path, 360);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });
});
