// A site built in shards is the site built in one go: the same corpus, built once with `npm run build --
// --index-by-shard` (one search bundle per folder and year, as shards make them) and once with `npm run
// build -- --shards` (each folder of content/ a shard, each shard its own
// process, then the hub), gives the same pages, the same downloads and the same search results; and a
// second sharded build rebuilds only the shard whose report changed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type Preview } from '../../scripts/preview.ts';
import { buildEnv } from './build.ts';
import { browserAvailable, launch, openPage } from './site.ts';

const root = mkdtempSync(join(tmpdir(), 'nianbao-shards-'));
const content = join(root, 'content');
const [oneDist, shardedDist, shardsDir] = [join(root, 'one/dist'), join(root, 'sharded/dist'), join(root, 'shards')];

/** The five sample reports in two province folders, plus hand-edited copies: another year of 固军镇 beside it, a new agency in b/, and one at the top. */
function writeCorpus(): void {
  const sampleFile = (prefix: string) => readdirSync('content').find((f) => f.startsWith(prefix))!;
  const sample = (prefix: string) => readFileSync(join('content', sampleFile(prefix)), 'utf8');
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  };
  for (const prefix of ['000', '001']) put(`a/${sampleFile(prefix)}`, sample(prefix));
  for (const prefix of ['002', '003', '004']) put(`b/${sampleFile(prefix)}`, sample(prefix));
  put('a/001-2021.txt', sample('001').replaceAll('2020年', '2021年'));
  put('b/003-shimenzi.txt', sample('003').replaceAll('夹河子乡', '石门子乡'));
  put('000-liansheng-2021.txt', sample('000').replaceAll('连生乡', '连胜乡').replaceAll('2020年', '2021年'));
}

/**
 * The root shard holds only 2021 reports: a shard knows the portal's other years (its agency pages count
 * them as expected: model/coverage.ts) only when every build is given them.
 */
const YEARS = ['--years', '2020-2021'];

function build(args: string[]): string {
  const run = spawnSync(process.execPath, ['scripts/build.ts', '--content', content, ...YEARS, ...args], { encoding: 'utf8', env: buildEnv() });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`npm run build -- ${args.join(' ')} failed:\n${output}`);
  return output;
}

const filesOf = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
const mainOf = (html: string) => html.match(/<main[\s\S]*<\/main>/)?.[0] ?? '(no main)';

let oneOutput = '';
let shardedOutput = '';
beforeAll(() => {
  writeCorpus();
  // One search bundle per folder and year, as the shards make them (README: the same site both ways).
  oneOutput = build(['--index-by-shard', '--generated', join(root, 'one/generated'), '--dist', oneDist]);
  shardedOutput = build(['--shards', '--shards-dir', shardsDir, '--dist', shardedDist]);
});
afterAll(() => (process.env.KEEP_SHARDS_TEST ? console.log(`kept ${root}`) : rmSync(root, { recursive: true, force: true })));

describe('a sharded build', () => {
  test('builds every shard: the two province folders and the files at the top of content/', () => {
    expect(readdirSync(shardsDir).sort()).toEqual(['a', 'b', 'hub', 'root']);
    expect(oneOutput).toContain('Built 8 report page(s) for 7 agencies');
    expect(shardedOutput).toContain('Built 8 report page(s) for 7 agencies');
  });

  test('publishes the same files, search bundles included, and pages with the same main content', () => {
    const [one, sharded] = [filesOf(oneDist), filesOf(shardedDist)];
    expect(sharded).toEqual(one);
    expect(one).toEqual(
      expect.arrayContaining(['pagefind/2021/pagefind.js', 'pagefind/a/2020/pagefind.js', 'pagefind/a/2021/pagefind.js', 'pagefind/b/2020/pagefind.js']),
    );
    // The region pages (a province of shard a, a county, 未定地区) and the agency-name files are among them.
    expect(one).toEqual(
      expect.arrayContaining([
        'regions/index.html',
        'regions/51/index.html',
        'regions/511781/index.html',
        'regions/none/index.html',
        'search/agency-names/sizes-b.json.gz',
        'search/agency-names/b0.json.gz',
        'search/agency-names/sizes-p.json.gz',
      ]),
    );
    // Eight report pages; the others under reports/ send the former ids of merged or newly placed agencies on.
    const reportPages = one.filter((f) => /^reports\/[^/]+\/index\.html$/.test(f));
    expect(reportPages.filter((f) => !readFileSync(join(oneDist, f), 'utf8').includes('http-equiv="refresh"'))).toHaveLength(8);
    for (const page of one.filter((f) => f.endsWith('.html'))) {
      expect(mainOf(readFileSync(join(shardedDist, page), 'utf8')), page).toBe(mainOf(readFileSync(join(oneDist, page), 'utf8')));
    }
  });

  test('publishes byte-identical data files: the corpus CSV and JSON, the checks, each report’s downloads', () => {
    const data = filesOf(join(oneDist, 'data'));
    expect(data).toEqual(expect.arrayContaining(['reports.csv', 'reports.json', 'checks.csv', 'coverage.csv', 'coverage-zh.csv']));
    expect(filesOf(join(shardedDist, 'data'))).toEqual(data);
    for (const file of data) expect(readFileSync(join(shardedDist, 'data', file)).equals(readFileSync(join(oneDist, 'data', file))), file).toBe(true);
  });

  test('an agency of the root shard, which holds only 2021, counts 2020 as expected both ways (the portal’s years are given)', () => {
    const summaries = JSON.parse(readFileSync(join(root, 'one/generated/reports.json'), 'utf8')) as { agencyId: string; agency: string }[];
    const id = summaries.find((s) => s.agency === '连胜乡')!.agencyId;
    for (const dist of [oneDist, shardedDist])
      expect(readFileSync(join(dist, `agencies/${id}/index.html`), 'utf8')).toContain('本库没有该机关 2020 年度的报告');
  });

  test('keeps the pages of unchanged shards and rebuilds only the shard whose report changed', () => {
    const report = join(content, 'b/003-shimenzi.txt');
    const before = readFileSync(report);
    writeFileSync(report, before.toString('utf8').replace('一、总体情况', '一、总体情况\n本年度新增一段说明。'));
    const again = build(['--shards', '--shards-dir', shardsDir, '--dist', shardedDist]);
    expect(again).toMatch(/\[a\] 3 report\(s\): pages and index unchanged, kept/);
    expect(again).toMatch(/\[root\] 1 report\(s\): pages and index unchanged, kept/);
    expect(again).toMatch(/\[b\] 4 report\(s\): pages and index rebuilt/);
    const id = readdirSync(join(shardedDist, 'reports')).find((r) => readFileSync(join(shardedDist, 'reports', r, 'index.html'), 'utf8').includes('石门子乡'))!;
    const page = readFileSync(join(shardedDist, 'reports', id, 'index.html'), 'utf8');
    expect(page).toContain('本年度新增一段说明');
    // The replaced file is a revision: said on the page, the earlier original still published, the state in the shard's folder.
    expect(page).toMatch(/原文已于 \d{4}-\d\d-\d\d 更新/);
    expect(page).toContain('统计表中的数字没有变化');
    const earlier = createHash('sha256').update(before).digest('hex').slice(0, 12);
    expect(readFileSync(join(shardedDist, `data/originals/revisions/${id}/${earlier}.txt`)).equals(before)).toBe(true);
    expect(readdirSync(join(shardsDir, 'b'))).toContain('generated.revisions');
    expect(JSON.parse(readFileSync(join(shardsDir, 'hub/generated/revisions.json'), 'utf8'))).toMatchObject([{ report: id, changes: [] }]);
  });
});

describe.skipIf(!browserAvailable)('searching a sharded build', () => {
  let browser: Browser;
  let servers: Preview[] = [];
  beforeAll(async () => {
    browser = await launch();
    servers = await Promise.all([oneDist, shardedDist].map((dir) => startServer({ dir })));
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  /** The report pages a search lists, over every year (sorting by relevance searches all years at once). */
  async function search(page: Page, query: string): Promise<string[]> {
    await page.goto(`${new URL('.', page.url()).href}?q=${encodeURIComponent(query)}&sort=relevance`);
    await page.waitForFunction(() => /找到|没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''));
    return (await page.$$eval('#search-results a', (links) => links.map((a) => a.getAttribute('href') ?? ''))).sort();
  }

  // Six queries: an agency in shard a (two years), the renamed agency at the top, the new agency in b,
  // a phrase every report prints, a place in one report's prose, and a word no report has.
  test.each(['固军', '连胜乡', '石门子', '政府信息公开', '塔城', '量子计算'])('“%s” finds the same report pages both ways', async (query) => {
    const [one, sharded] = await Promise.all(servers.map(async (s) => search((await openPage(browser, `${s.url}search/`)).page, query)));
    expect(sharded).toEqual(one);
  });

  test('“固军” finds both years of 固军镇 in the sharded site, from two bundles of shard a', async () => {
    const summaries = JSON.parse(readFileSync(join(root, 'one/generated/reports.json'), 'utf8')) as { id: string; agency: string }[];
    const guJun = summaries.filter((s) => s.agency.includes('固军镇')).map((s) => `/reports/${s.id}/`);
    expect(guJun).toHaveLength(2);
    const { page } = await openPage(browser, `${servers[1]!.url}search/`);
    expect(await search(page, '固军')).toEqual(expect.arrayContaining(guJun));
  });

  test('a phrase every report prints finds all eight report pages in the sharded site', async () => {
    const { page } = await openPage(browser, `${servers[1]!.url}search/`);
    const found = await search(page, '政府信息公开');
    expect(new Set(found.map((h) => h.match(/reports\/([^/]+)\//)?.[1])).size).toBe(8);
  });
});
