// What the scenarios share: the browser, the served sample site, and the generated data it was built
// from (the expected values: what the parser wrote, which the page must show unchanged).
import { chromium, type Browser, type Page } from 'playwright-core';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { startServer, type Preview } from '../../scripts/preview.ts';
import { CHROMIUM, LAUNCH_ARGS } from '../../scripts/chromium.ts';
import { buildTempSite, type TempSite } from './build.ts';
import { generatedFiles } from '../../model/generated.ts';
import type { Report } from '../../model/report.ts';
import type { Summary } from '../../model/summary.ts';

export const browserAvailable = inject('chromium');
export const siteUrl = () => inject('siteUrl');

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });

/** One browser for the scenarios of a file: launched before them, closed after. */
export function useBrowser(): () => Browser {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());
  return () => browser;
}

export interface ServedSite {
  site: TempSite;
  /** Where it is served, base included. */
  url: string;
  browser: Browser;
}

/**
 * A site of its own for the scenarios of a file (hostile input, a sub-path, a big corpus): built from the
 * reports in `content()` with the project's build script (and its `options`), served and opened in a
 * browser before them, removed after.
 */
export function useServedSite(content: () => string | Promise<string>, base = '/', options: string[] = []): () => ServedSite {
  let served: ServedSite | undefined;
  let server: Preview | undefined;
  beforeAll(async () => {
    const site = buildTempSite(await content(), [...(base === '/' ? [] : ['--base', base]), ...options]);
    server = await startServer({ dir: site.dist, base });
    served = { site, url: server.url, browser: await launch() };
  });
  afterAll(async () => {
    await served?.browser.close();
    await server?.close();
    if (served) rmSync(served.site.root, { recursive: true, force: true });
  });
  return () => served!;
}

/** A fresh page that records every request it makes, and fails on uncaught page errors. */
export async function openPage(browser: Browser, url: string, width = 1200) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  // Every listener is attached before navigation: a script that runs while the page loads is caught too.
  const dialogs: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, requests, errors, dialogs };
}

/** The sample site's generated folder (test/e2e/setup.ts builds it into the default one). */
const files = generatedFiles();
export const summaries = (): Summary[] => JSON.parse(readFileSync(files.summaries, 'utf8'));
export const readReport = (id: string): Report => JSON.parse(readFileSync(files.report(id), 'utf8'));

/** Whether a download starts with the UTF-8 byte-order mark (fetch's text() would silently drop it). */
export const startsWithBom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const violations = (await page.evaluate(
    async () => (await (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe.run()).violations,
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Text a reader sees in an element, whitespace collapsed. */
export const textOf = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();
