// Number → source. Until the parser records `sourceText` and `printed`, the fake corpus carries them, typed
// by hand (test/e2e/fixtures/fake-generated.ts, its first report): the 原文 page shows the text as text (its
// <script> line included, inert), each table row's printed figures highlighted, and every cell of the report
// page links to its row's highlight. A report without those keys has no 原文 page and no cell links.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, type Preview } from '../../scripts/preview.ts';
import { buildEnv } from './build.ts';
import { writeFakeGenerated } from './fixtures/fake-generated.ts';
import { browserAvailable, launch, openPage, textOf } from './site.ts';

describe.skipIf(!browserAvailable)('the 原文 page', () => {
  let root: string;
  let server: Preview;
  let browser: Browser;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'nianbao-source-'));
    await writeFakeGenerated(join(root, 'generated'));
    const run = spawnSync(process.execPath, ['scripts/build.ts', '--site-only', '--generated', join(root, 'generated'), '--dist', join(root, 'dist')], {
      encoding: 'utf8',
      env: buildEnv(),
    });
    if (run.status !== 0) throw new Error(`site build failed:\n${run.stdout}\n${run.stderr}`);
    server = await startServer({ dir: join(root, 'dist') });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('every cell links to its row, highlighted in the text as read, with the figures as printed', async () => {
    const { page } = await openPage(browser, `${server.url}reports/shifanqu-2019/`);
    const href = await page.getAttribute('td[data-cell="applications.received.total"] a.src', 'href');
    expect(href).toMatch(/reports\/shifanqu-2019\/source\/#row-applications-received$/);
    expect(await page.getAttribute('td[data-cell="litigationDirect.total"] a.src', 'href')).toMatch(/#row-review$/);
    await page.click('td[data-cell="applications.received.total"] a.src');
    await page.waitForURL(/source\/#row-applications-received$/);
    // The row as the fake report prints it: 6 0 1 0 2 2 11, tab-separated.
    expect(await page.textContent('mark#row-applications-received')).toBe('6\t0\t1\t0\t2\t2\t11');
    expect(await page.$eval('mark#row-applications-received', (m) => m.matches(':target'))).toBe(true);
    expect(await textOf(page, '.readings')).toContain('表三 一、本年新收政府信息公开申请数量');
    await page.close();
  });

  test('the text is shown as text: its <script> line reads as characters and runs nothing', async () => {
    const { page, errors } = await openPage(browser, `${server.url}reports/shifanqu-2019/source/`);
    expect(await textOf(page, 'pre.source-text')).toContain("<script>window.__pwned = 'source'</script>");
    expect(await page.$$('pre.source-text script')).toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a report whose rows were not placed in its text has cells that link nowhere', async () => {
    const { page } = await openPage(browser, `${server.url}reports/shifanqu-2020/`);
    expect(await page.$$('td a.src')).toHaveLength(0);
    await page.close();
  });
});
