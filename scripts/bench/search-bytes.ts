// What a visitor's first search costs in bytes: the built site served on 127.0.0.1, its search page
// opened in headless Chromium, a query typed, and every response counted (body and headers, as the
// server sent them, uncompressed) until the results are shown. The bytes are counted by a proxy in front
// of the server, not from the browser's events: Pagefind fetches its index from a web worker, whose
// requests (pagefind-worker.js itself, the WASM, the index chunks) the page's events do not all see.
// Without Chromium, the floor is computed from Pagefind's files instead (also when the search page
// fails), and the result says so.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from '../preview.ts';
import { CHROMIUM, LAUNCH_ARGS } from '../chromium.ts';
import { median } from './disk.ts';

/** Budgets of issue 10, at 10,000 reports: a first search for a place name, and for a term in every report. */
export const SEARCH_BUDGETS = { place: 300_000, common: 500_000 } as const;

export interface SearchCost {
  /** "chromium", or how the figure was computed from Pagefind's files instead, and why. */
  method: string;
  query: string;
  /** Bytes fetched to show the first results once the query is typed: Pagefind's files (JS, worker, WASM, metadata, filters, index chunks, fragments) and the search page's own data (agency names). */
  pagefindBytes: number;
  /** Of those, the agency names files (search/agency-*.json.gz), which grow with the agencies, not with one index. */
  namesBytes: number;
  /** Bytes of the search page itself (HTML, CSS, the site's JS), before anything is typed. */
  pageBytes: number;
  /** Seconds from pressing Enter to the results shown, in headless Chromium on this machine (0 when computed). */
  seconds: number;
  results: string;
  largest: { url: string; bytes: number }[];
}

/**
 * The budget lines for the first searches of a run of `reports` reports (the bench searches a
 * term in every report first, then a place name). The budgets are set for 10,000 reports; at another
 * size the line says so, and the figure does not meet or miss them.
 */
export function searchBudgetTargets(reports: number, [common, place]: SearchCost[]): { target: string; measured: string; met: boolean | null }[] {
  const at = reports.toLocaleString('en');
  const line = (q: SearchCost | undefined, what: string, budget: number) =>
    q && {
      target: `first search for ${what} ≤ ${budget / 1000} KB at 10,000 (“${q.query}”, measured at ${at})`,
      measured: `${Math.round(q.pagefindBytes / 1000)} KB + page ${Math.round(q.pageBytes / 1000)} KB${q.method === 'chromium' ? '' : ' (computed*)'}`,
      met: reports === 10_000 && q.method === 'chromium' ? q.pagefindBytes <= budget : null,
    };
  return [line(common, 'a term in every report', SEARCH_BUDGETS.common), line(place, 'a place name', SEARCH_BUDGETS.place)].filter((t) => t !== undefined);
}

/**
 * The budgets for a year of 100,000 reports (issue 20), on the first searches over one year's
 * index (--search-year): every byte, agency names included; met or missed only at 100,000.
 */
export function yearSearchTargets({
  reports,
  search: [common, place],
}: {
  reports: number;
  search: SearchCost[];
}): { target: string; measured: string; met: boolean | null }[] {
  const line = (q: SearchCost | undefined, what: string, budget: number) =>
    q && {
      target: `first search for ${what} ≤ ${budget / 1000} KB with a year of 100,000 reports (“${q.query}”, measured with a year of ${reports.toLocaleString('en')})`,
      measured: `${Math.round(q.pagefindBytes / 1000)} KB (agency names ${Math.round(q.namesBytes / 1000)} KB) + page ${Math.round(q.pageBytes / 1000)} KB${q.method === 'chromium' ? '' : ' (computed*)'}`,
      met: reports === 100_000 && q.method === 'chromium' ? q.pagefindBytes <= budget : null,
    };
  return [line(common, 'a term in every report', SEARCH_BUDGETS.common), line(place, 'a place name', SEARCH_BUDGETS.place)].filter((t) => t !== undefined);
}

/** The first search for each query, each in a fresh browser context (nothing cached). */
export async function firstSearches(dist: string, queries: string[]): Promise<SearchCost[]> {
  if (!existsSync(CHROMIUM)) return queries.map((q) => fromFiles(dist, q, `no Chromium at ${CHROMIUM}`));
  const server = await startServer({ dir: dist });
  const proxy = await countingProxy(server.url);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
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

interface Counted {
  url: string;
  /** Where the counts of each response go; reset per search. */
  log: { url: string; bytes: number }[];
  close: () => Promise<void>;
}

/** An HTTP proxy to `target` that logs the bytes of every response it passes on: status line, headers and body. */
function countingProxy(target: string): Promise<Counted> {
  const to = new URL(target);
  const log: Counted['log'] = [];
  const headerBytes = (status: number, message: string, headers: IncomingHttpHeaders) =>
    `HTTP/1.1 ${status} ${message}\r\n`.length +
    Object.entries(headers).reduce((n, [k, v]) => n + `${k}: ${Array.isArray(v) ? v.join(', ') : v}\r\n`.length, 2);
  const server = createServer((req, res) => {
    const upstream = httpRequest({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      let bytes = headerBytes(up.statusCode ?? 0, up.statusMessage ?? '', up.headers);
      up.on('data', (chunk: Buffer) => (bytes += chunk.length));
      up.on('end', () => log.push({ url: new URL(req.url ?? '/', 'http://x').pathname, bytes }));
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      done({ url: `http://127.0.0.1:${port}${to.pathname}`, log, close: () => new Promise((closed) => server.close(() => closed())) });
    }),
  );
}

async function inBrowser(browser: Browser, proxy: Counted, query: string): Promise<SearchCost> {
  const url = proxy.url;
  const context = await browser.newContext();
  try {
    proxy.log.length = 0;
    let typed = 0;
    let seconds = 0;
    const page = await context.newPage();
    // A script error on the search page means no results will ever show: fail at once, saying why.
    const failed = new Promise<never>((_, reject) => page.on('pageerror', (e) => reject(new Error(`the search page threw: ${e.message}`))));
    const search = async () => {
      await page.goto(`${url}search/`, { waitUntil: 'networkidle' });
      typed = proxy.log.length;
      await page.fill('#q', query);
      const started = performance.now();
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => /找到|没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
      seconds = (performance.now() - started) / 1000;
      await page.waitForLoadState('networkidle');
    };
    await Promise.race([search(), failed]);
    const loaded = [...proxy.log];
    const sum = (list: typeof loaded) => list.reduce((a, r) => a + r.bytes, 0);
    return {
      method: 'chromium',
      query,
      pagefindBytes: sum(loaded.slice(typed)),
      namesBytes: sum(loaded.slice(typed).filter((r) => r.url.includes('/search/agency-'))),
      pageBytes: sum(loaded.slice(0, typed)),
      seconds,
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
  return {
    method: `computed from Pagefind's files, not measured: ${why}`,
    query,
    pagefindBytes: bytes,
    namesBytes: 0,
    pageBytes: 0,
    seconds: 0,
    results: 'not run',
    largest: [],
  };
}
