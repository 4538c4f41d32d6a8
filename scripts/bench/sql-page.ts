// The SQL page's first query, as a reader opening a shared link waits for it: the built site served on
// 127.0.0.1, /data/sql/?sql=… opened in a fresh headless Chromium context (nothing cached: DuckDB's
// WebAssembly is downloaded and compiled), timed from navigation until the result is shown, and every
// byte the server sent counted (uncompressed). Two queries: one over `reports`, and the per-province
// example, which reads the largest table (`cells`).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../preview.ts';
import { CHROMIUM, LAUNCH_ARGS } from '../chromium.ts';
import { countingProxy } from './counting-proxy.ts';

export interface SqlCost {
  query: string;
  /** Navigation to the result shown; null when the page failed (then `error` says why). */
  seconds: number | null;
  bytes: number;
  rows: number | null;
  error?: string;
}

/** Goal of issue 21: the first query answers within 3 s at 10,000 reports. */
export const SQL_FIRST_QUERY_SECONDS = 3;

export const SQL_QUERIES = [
  'select count(*) from reports',
  "select r.province, count(*) as reports, sum(c.value) filter (where c.state = 'number') as received, count(*) filter (where c.state = 'unknown') as unknown from reports r left join cells c on c.report = r.id and c.key = 'applications.received.total' group by 1 order by 3 desc nulls last",
];

export async function firstQueries(dist: string): Promise<SqlCost[]> {
  if (!existsSync(CHROMIUM)) return SQL_QUERIES.map((query) => ({ query, seconds: null, bytes: 0, rows: null, error: `no Chromium at ${CHROMIUM}` }));
  const server = await startServer({ dir: dist });
  const proxy = await countingProxy(server.url);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const out: SqlCost[] = [];
    for (const query of SQL_QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      proxy.take();
      const bytes = () => proxy.take().reduce((n, s) => n + s.bytes, 0);
      const started = performance.now();
      try {
        await page.goto(`${proxy.url}data/sql/?sql=${encodeURIComponent(query)}`);
        await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('sql-status')?.dataset.state ?? ''), null, { timeout: 120_000 });
        const seconds = (performance.now() - started) / 1000;
        const state = await page.$eval('#sql-status', (e) => [e.getAttribute('data-state'), e.textContent, e.getAttribute('data-rows')]);
        out.push(
          state[0] === 'done'
            ? { query, seconds, bytes: bytes(), rows: Number(state[2]) }
            : { query, seconds: null, bytes: bytes(), rows: null, error: state[1] ?? 'failed' },
        );
      } catch (error) {
        out.push({ query, seconds: null, bytes: bytes(), rows: null, error: (error as Error).message.split('\n')[0] });
      } finally {
        await context.close();
      }
    }
    return out;
  } finally {
    await browser.close();
    await proxy.close();
    await server.close();
  }
}
