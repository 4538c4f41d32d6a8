// Report text is untrusted. Reports carrying <script>, onerror=, javascript: links and an agency name that
// climbs directories (../../etc) build into pages where nothing runs, and nothing lands outside the build.
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BuildInfo } from '../../model/corpus.ts';
import type { Summary } from '../../model/summary.ts';
import { browserAvailable, openPage, useServedSite } from './site.ts';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

describe.skipIf(!browserAvailable)('hostile input', () => {
  const served = useServedSite(() => 'test/e2e/fixtures/hostile');
  const reports = (): Summary[] => JSON.parse(readFileSync(join(served().site.generated, 'reports.json'), 'utf8'));

  test('every hostile file became a page', () => {
    const { site } = served();
    const info: BuildInfo = JSON.parse(readFileSync(join(site.generated, 'build.json'), 'utf8'));
    expect(info.errors).toEqual([]);
    expect(reports().length).toBe(readdirSync(site.content).length);
  });

  test('the build wrote nothing outside its content, generated and dist folders (and the state of revisions beside generated)', () => {
    const { root } = served().site;
    const outside = filesUnder(root)
      .map((f) => relative(root, f))
      .filter((f) => !/^(content|generated|generated\.revisions|site[/\\]dist(\.builds)?)[/\\]/.test(f));
    expect(outside).toEqual([]);
  });

  test('no payload runs on any page that shows report text, and the text stays readable', async () => {
    const { url, browser } = served();
    const paths = [
      ...reports().flatMap((s) => [`reports/${s.id}/`, `agencies/${s.agencyId}/`]),
      '',
      'agencies/',
      'quality/',
      `compare/?a=${reports()
        .map((s) => s.agencyId)
        .join(',')}`,
      'search/?q=pwned',
      'search/?q=script',
    ];
    for (const path of paths) {
      // openPage listens for dialogs before it navigates, so an alert() run while the page loads counts.
      const { page, errors, dialogs } = await openPage(browser, url + path);
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), path).toBeUndefined();
      expect(dialogs, path).toEqual([]);
      expect(errors, path).toEqual([]);
      const live = await page.$$eval('iframe, [onerror], [onload], a[href^="javascript:"]', (els) => els.map((e) => e.outerHTML));
      expect(live, path).toEqual([]);
      // The only scripts are the site's own bundles.
      const scripts = await page.$$eval('script', (els) => els.map((e) => (e as HTMLScriptElement).src));
      expect(
        scripts.filter((src) => !src.startsWith(`${url}_astro/`)),
        path,
      ).toEqual([]);
      await page.close();
    }
  });

  test('markup in a plain-text report is shown as text', async () => {
    const txt = reports().find((s) => s.file.endsWith('.txt'))!;
    const { url, browser } = served();
    const { page } = await openPage(browser, `${url}reports/${txt.id}/`);
    expect(await page.textContent('main')).toContain(`<script>window.__pwned='txt-script'`);
    await page.close();
  });
});
