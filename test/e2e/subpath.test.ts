// Deployed under a sub-path (Astro `base`): every link, asset, download and the search index resolve
// under /nianbao/, and nothing points at the server's root.
import { describe, expect, test } from 'vitest';
import { browserAvailable, openPage, useServedSite } from './site.ts';

const BASE = '/nianbao/';

describe.skipIf(!browserAvailable)('sub-path deployment', () => {
  const served = useServedSite(() => 'content', BASE);

  test('every link and asset on the main pages resolves under the base', async () => {
    const { url, browser } = served();
    const origin = new URL(url).origin;
    const seen = new Set<string>();
    for (const path of ['', 'agencies/', 'quality/', 'data/', 'about/', 'compare/']) {
      const { page, requests, errors } = await openPage(browser, url + path);
      expect(errors, path).toEqual([]);
      const failed = requests.filter((url) => url.startsWith(origin) && !new URL(url).pathname.startsWith(BASE));
      expect(failed, path).toEqual([]);
      const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of links.filter((h) => h.startsWith(origin))) {
        expect(new URL(href).pathname.startsWith(BASE), `${path} → ${href}`).toBe(true);
        seen.add(href.split('#')[0]!);
      }
      await page.close();
    }
    for (const href of seen) expect((await fetch(href)).status, href).toBe(200);
    expect(seen.size).toBeGreaterThan(10);
  });

  test('search works and its results link under the base', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}search/?q=${encodeURIComponent('固军')}`);
    await page.waitForSelector('#search-results a');
    const hrefs = await page.$$eval('#search-results a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith(`${BASE}reports/`)).toBe(true);
  });
});
