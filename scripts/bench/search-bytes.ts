// What a visitor's first search costs in bytes: the built site served on 127.0.0.1, its search page
// opened in headless Chromium, a query typed, and every response counted (body and headers, as the
// server sent them, uncompressed, at a proxy in front of it: the web worker's fetches too) until the
// results are shown. Without Chromium, the floor is
// computed from Pagefind's files instead (also when the search page fails), and the result says so.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from '../preview.ts';
import { countingProxy, type CountingProxy } from './counting-proxy.ts';
import { median } from './disk.ts';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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

/** The first search for each query, each in a fresh browser context (nothing cached). */
export async function firstSearches(dist: string, queries: string[]): Promise<SearchCost[]> {
  if (!existsSync(CHROMIUM)) return queries.map((q) => fromFiles(dist, q, `no Chromium at ${CHROMIUM}`));
  const server = await startServer({ dir: dist });
  const proxy = await countingProxy(server.url);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const out: SearchCost[] = [];
    for (const query of queries) out.push(await inBrowser(browser, proxy, query).catch((e: Error) => fromFiles(dist, query, e.message.split('\n')[0])));
    return out;
  } finally {
    await browser.close();
    await proxy.close();
    await server.close();
  }
}

async function inBrowser(browser: Browser, proxy: CountingProxy, query: string): Promise<SearchCost> {
  // A fresh context (nothing cached); bytes are counted by the proxy, the worker's fetches included.
  const context = await browser.newContext();
  const url = proxy.url;
  try {
    proxy.take();
    const page = await context.newPage();
    // A script error on the search page means no results will ever show: fail at once, saying why.
    const failed = new Promise<never>((_, reject) => page.on('pageerror', (e) => reject(new Error(`the search page threw: ${e.message}`))));
    const search = async () => {
      await page.goto(`${url}search/`, { waitUntil: 'networkidle' });
      await page.fill('#q', query);
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => /找到|没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
    };
    await Promise.race([search(), failed]);
    const loaded = proxy.take();
    const isPagefind = (path: string) => path.includes('/pagefind/');
    const sum = (list: typeof loaded) => list.reduce((a, r) => a + r.bytes, 0);
    return {
      method: 'chromium',
      query,
      pagefindBytes: sum(loaded.filter((r) => isPagefind(r.url))),
      pageBytes: sum(loaded.filter((r) => !isPagefind(r.url))),
      results: (await page.textContent('#search-status')) ?? '',
      largest: loaded.sort((a, b) => b.bytes - a.bytes).slice(0, 5),
    };
  } finally {
    await context.close();
  }
}

/**
 * Without a browser: pagefind.js and its WASM once, then for every bundle (a site may merge several)
 * its metadata and one median index chunk, and 20 median fragments (one page of results).
 */
function fromFiles(dist: string, query: string, why: string): SearchCost {
  const files = readdirSync(join(dist, 'pagefind'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ name: e.name, bytes: statSync(join(e.parentPath, e.name)).size }));
  const sizes = (test: RegExp) =>
    files
      .filter((f) => test.test(f.name))
      .map((f) => f.bytes)
      .sort((a, b) => a - b);
  const metas = sizes(/\.pf_meta$/);
  const bytes =
    (sizes(/^pagefind\.js$/).at(-1) ?? 0) +
    (sizes(/^wasm\./).at(-1) ?? 0) +
    metas.reduce((a, b) => a + b, 0) +
    metas.length * median(sizes(/\.pf_index$/)) +
    20 * median(sizes(/\.pf_fragment$/));
  return { method: `computed from Pagefind's files, not measured: ${why}`, query, pagefindBytes: bytes, pageBytes: 0, results: 'not run', largest: [] };
}
