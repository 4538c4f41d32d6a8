// What a visitor's first search costs in bytes: the built site served on 127.0.0.1, its search page
// opened in headless Chromium, a common query typed, and every response counted (bytes on the wire, as
// Chromium's network log reports them) until the results are shown. Without Chromium, the floor is
// computed from Pagefind's files instead (also when the search page fails), and the result says so.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../preview.ts';
import { median } from './disk.ts';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface SearchCost {
  /** "chromium", or how the figure was computed from Pagefind's files instead, and why. */
  method: string;
  query: string;
  /** Bytes of Pagefind's files (JS, WASM, metadata, index chunks, fragments) fetched to show the first results. */
  pagefindBytes: number;
  /** Bytes of the search page itself (HTML, CSS, the site's JS), before anything is typed. */
  pageBytes: number;
  results: string;
  largest: { url: string; bytes: number }[];
}

export async function firstSearch(dist: string, query: string): Promise<SearchCost> {
  if (!existsSync(CHROMIUM)) return fromFiles(dist, query, `no Chromium at ${CHROMIUM}`);
  try {
    return await inBrowser(dist, query);
  } catch (e) {
    return fromFiles(dist, query, (e as Error).message.split('\n')[0]);
  }
}

async function inBrowser(dist: string, query: string): Promise<SearchCost> {
  const server = await startServer({ dir: dist });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage();
    // A script error on the search page means no results will ever show: fail at once, saying why.
    const failed = new Promise<never>((_, reject) => page.on('pageerror', (e) => reject(new Error(`the search page threw: ${e.message}`))));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    const loaded: { url: string; bytes: number }[] = [];
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => loaded.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength }));
    const search = async () => {
      await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
      await page.fill('#q', query);
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => /找到|没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
    };
    await Promise.race([search(), failed]);
    const results = (await page.textContent('#search-status')) ?? '';
    const isPagefind = (url: string) => new URL(url).pathname.includes('/pagefind/');
    const sum = (list: typeof loaded) => list.reduce((a, r) => a + r.bytes, 0);
    return {
      method: 'chromium',
      query,
      pagefindBytes: sum(loaded.filter((r) => isPagefind(r.url))),
      pageBytes: sum(loaded.filter((r) => !isPagefind(r.url))),
      results,
      largest: loaded
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 5)
        .map((r) => ({ url: new URL(r.url).pathname, bytes: r.bytes })),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Without a browser: pagefind.js + its WASM + the metadata + one median index chunk + 20 median fragments (one page of results). */
function fromFiles(dist: string, query: string, why: string): SearchCost {
  const dir = join(dist, 'pagefind');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ url: join(e.parentPath, e.name).slice(dist.length), bytes: statSync(join(e.parentPath, e.name)).size }));
  const size = (test: RegExp) => files.filter((f) => test.test(f.url)).map((f) => f.bytes).sort((a, b) => a - b);
  const bytes =
    size(/pagefind\.js$/).reduce((a, b) => a + b, 0) +
    (size(/\.wasm\./).at(-1) ?? 0) +
    size(/\.pf_meta$/).reduce((a, b) => a + b, 0) +
    median(size(/\.pf_index$/)) +
    20 * median(size(/\.pf_fragment$/));
  return { method: `computed from Pagefind's files, not measured: ${why}`, query, pagefindBytes: bytes, pageBytes: 0, results: 'not run', largest: [] };
}
