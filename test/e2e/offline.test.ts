// Nothing is loaded from another host: every request of every main page, with search run and charts
// drawn, goes to the local server.
import { describe, expect, test } from 'vitest';
import { browserAvailable, useBrowser, openPage, siteUrl } from './site.ts';
import { mainPages } from './pages.ts';

describe.skipIf(!browserAvailable)('offline', () => {
  const browser = useBrowser();

  test.each(mainPages())('%s requests nothing from another host', async (_name, path) => {
    const { page, requests, errors } = await openPage(browser(), siteUrl() + path);
    await page.waitForLoadState('networkidle');
    const origin = new URL(siteUrl()).origin;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
