// Deployed under a sub-path (Astro `base`): every link, asset, download and the search index resolve
// under /nianbao/, and nothing points at the server's root.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { rmSync } from 'node:fs';
import { startServer, type Preview } from '../../scripts/preview.ts';
import { browserAvailable, launch, openPage } from './site.ts';
import { buildTempSite, type TempSite } from './build.ts';

const BASE = '/nianbao/';

describe.skipIf(!browserAvailable)('sub-path deployment', () => {
  let site: TempSite;
  let server: Preview;
  let browser: Browser;

  beforeAll(async () => {
    site = buildTempSite('content', ['--base', BASE]);
    server = await startServer({ dir: site.dist, base: BASE });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) rmSync(site.root, { recursive: true, force: true });
  });

  test('every link and asset on the main pages resolves under the base', async () => {
    const origin = new URL(server.url).origin;
    const seen = new Set<string>();
    for (const path of ['', 'agencies/', 'quality/', 'data/', 'about/', 'compare/']) {
      const { page, requests, errors } = await openPage(browser, server.url + path);
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
    const { page } = await openPage(browser, `${server.url}search/?q=${encodeURIComponent('固军')}`);
    await page.waitForSelector('#search-results a');
    const hrefs = await page.$$eval('#search-results a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith(`${BASE}reports/`)).toBe(true);
  });
});
