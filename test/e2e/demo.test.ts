// npm run demo builds a portal of made-up reports with --demo: every page of it says 演示数据，非真实报告, so
// no one mistakes it for real disclosures; a portal built without it says so nowhere.
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPORTS, writeCorpus } from '../../scripts/synthetic/generate.ts';
import { browserAvailable, openPage, useServedSite } from './site.ts';

const BANNER = '演示数据，非真实报告';

/** Every HTML page of a built site, by its path in the site; not the redirects from an agency's former id. */
function pages(dist: string): Map<string, string> {
  const root = realpathSync(dist);
  const html = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
  const all = html.map((e) => [relative(root, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')] as const);
  return new Map(all.filter(([, text]) => !text.includes('http-equiv="refresh"')));
}

// Each kind of page, by the path of its file in the site.
const KINDS: Record<string, RegExp> = {
  home: /^index\.html$/,
  agencies: /^agencies\/index\.html$/,
  agency: /^agencies\/[^/]+\/index\.html$/,
  report: /^reports\/[^/]+\/index\.html$/,
  source: /^reports\/[^/]+\/source\/index\.html$/,
  compare: /^compare\/index\.html$/,
  years: /^years\/index\.html$/,
  year: /^years\/\d{4}\/index\.html$/,
  quality: /^quality\/index\.html$/,
  regions: /^regions\/index\.html$/,
  region: /^regions\/[^/]+\/index\.html$/,
  search: /^search\/index\.html$/,
  data: /^data\/index\.html$/,
  sql: /^data\/sql\/index\.html$/,
  about: /^about\/index\.html$/,
  notFound: /^404\.html$/,
};
const kindsOf = (paths: string[]) => Object.keys(KINDS).filter((kind) => paths.some((p) => KINDS[kind]!.test(p)));

describe.skipIf(!browserAvailable)('the demo portal', () => {
  let corpus = '';
  const served = useServedSite(
    async () => {
      corpus = mkdtempSync(join(tmpdir(), 'nianbao-demo-'));
      // A few dozen reports are enough for every kind of page: several agencies, years and provinces.
      await writeCorpus({ reports: 36, seed: 1, out: join(corpus, 'corpus'), regions: true });
      return join(corpus, 'corpus', REPORTS);
    },
    '/',
    ['--demo'],
  );
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  test('says 演示数据，非真实报告 on every page, of every kind', () => {
    const built = pages(served().site.dist);
    expect(kindsOf([...built.keys()])).toEqual(Object.keys(KINDS));
    const without = [...built].filter(([, text]) => !text.includes(BANNER)).map(([path]) => path);
    expect(without).toEqual([]);
  });

  test('the banner is the first thing a reader sees, above the header', async () => {
    const { url, browser } = served();
    const { page } = await openPage(browser, url);
    const banner = page.getByRole('note').filter({ hasText: BANNER });
    await expect(banner.isVisible()).resolves.toBe(true);
    const [top, header] = await Promise.all([banner.boundingBox(), page.locator('.site-header').boundingBox()]);
    expect(top!.y).toBeLessThan(header!.y);
    await page.close();
  });

  test('the sample portal, built without --demo, says it nowhere', () => {
    // dist/ is the sample site every other scenario reads (test/e2e/setup.ts builds it from content/).
    const built = pages('dist');
    expect(kindsOf([...built.keys()])).toEqual(expect.arrayContaining(['home', 'agency', 'report', 'compare', 'year', 'search', 'about']));
    expect([...built].filter(([, text]) => text.includes(BANNER)).map(([path]) => path)).toEqual([]);
  });
});
