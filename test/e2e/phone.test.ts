// On a 360 px phone no main page scrolls sideways: wide tables scroll inside their own region.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, launch, openPage, siteUrl } from './site.ts';
import { mainPages } from './pages.ts';

describe.skipIf(!browserAvailable)('360 px phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  test.each(mainPages())('%s fits the screen width', async (_name, path) => {
    const { page } = await openPage(browser, siteUrl() + path, 360);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });
});
