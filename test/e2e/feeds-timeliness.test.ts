// What a follower and a link preview get, and the deadlines on the pages, from a site built with its
// address (--site) under a sub-path: RSS feeds that parse and list the newest reports, a sitemap of every
// page, Open Graph tags; timeliness on report, agency and year pages for reports with and without dates.
// Static files only: read from the built site, no browser.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { buildTempSite, type TempSite } from './build.ts';
import { writeNameTraps } from './fixtures/name-traps.ts';
import type { Summary } from '../../model/summary.ts';

const SITE = 'https://example.org/nianbao/';
const xml = new XMLParser({ ignoreAttributes: false });

describe('feeds, sitemap and timeliness of a site built with its address', () => {
  let corpus: string;
  let site: TempSite;
  let reports: Summary[];
  beforeAll(() => {
    corpus = mkdtempSync(join(tmpdir(), 'nianbao-feeds-'));
    const content = writeNameTraps(join(corpus, 'content'));
    // Two agencies given a region, for the region's feeds.
    writeFileSync(join(content, 'agencies.csv'), 'agency,region\n万源市教育局,达州市\n万源市人民政府,达州市\n');
    site = buildTempSite(content, ['--site', SITE, '--base', '/nianbao/']);
    reports = JSON.parse(readFileSync(join(site.generated, 'reports.json'), 'utf8'));
  });
  afterAll(() => {
    rmSync(corpus, { recursive: true, force: true });
    if (site) rmSync(site.root, { recursive: true, force: true });
  });
  const read = (path: string) => readFileSync(join(site.dist, path), 'utf8');
  const feed = (path: string) =>
    xml.parse(read(path)).rss.channel as { title: string; link: string; item: { title: string; link: string }[] | { title: string } };
  const items = (path: string) => [feed(path).item].flat().filter(Boolean) as { title: string; link: string; description: string }[];
  const idOf = (agency: string, year: number) => reports.find((s) => s.agency === agency && s.year === year)!.id;

  test('the portal feed is RSS 2.0 and lists the newest year’s reports first, with absolute links', () => {
    expect(xml.parse(read('feeds/reports.xml')).rss['@_version']).toBe('2.0');
    const list = items('feeds/reports.xml');
    expect(list).toHaveLength(reports.length);
    // 万源市人民政府 2022 is the only report on 2022, the corpus's newest year.
    expect(list[0]!.title).toBe('万源市人民政府2022年政府信息公开工作年度报告');
    expect(list[0]!.link).toBe(`${SITE}reports/${idOf('万源市人民政府', 2022)}/`);
  });

  test('an agency has its own feed, of its reports only, newest first', () => {
    const id = reports.find((s) => s.agency === '万源市人民政府')!.agencyId;
    expect(items(`feeds/agencies/${id}/reports.xml`).map((i) => i.link)).toEqual([
      `${SITE}reports/${idOf('万源市人民政府', 2022)}/`,
      `${SITE}reports/${idOf('万源市人民政府', 2020)}/`,
    ]);
  });

  test('a region has its own feed, of the reports of its agencies', () => {
    expect(items('feeds/regions/达州市/reports.xml').map((i) => i.title)).toEqual([
      '万源市人民政府2022年政府信息公开工作年度报告',
      '万源市教育局2021年政府信息公开工作年度报告',
      '万源市人民政府2020年政府信息公开工作年度报告',
    ]);
  });

  test('the failed-checks feed lists exactly the report whose table does not add up, with its checks', () => {
    const channel = xml.parse(read('feeds/checks.xml')).rss.channel;
    expect(channel.title).toContain('未通过一致性检查');
    const list = items('feeds/checks.xml');
    // 万源市统计局 printed 5 as the 总计 of 本年新收 over parts of 0; every other report adds up.
    expect(list.map((i) => i.link)).toEqual([`${SITE}reports/${idOf('万源市统计局', 2020)}/`]);
    expect(list[0]!.title).toMatch(/^万源市统计局2020年政府信息公开工作年度报告：\d+ 项检查未通过$/);
    expect(list[0]!.description).toMatch(/R\d+：/);
  });

  test('the sitemap lists every page of the site', () => {
    const index = xml.parse(read('sitemap-index.xml')).sitemapindex.sitemap;
    const listed = [index]
      .flat()
      .flatMap((s: { loc: string }) => [xml.parse(read(s.loc.slice(SITE.length))).urlset.url].flat().map((u: { loc: string }) => u.loc));
    const pages = readdirSync(site.dist, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name === 'index.html')
      .map((e) => `${SITE}${relative(site.dist, e.parentPath).replaceAll('\\', '/')}/`.replace(/\/\/$/, '/'));
    expect(listed.sort()).toEqual(pages.sort());
  });

  test('pages carry Open Graph tags saying what they show, and point to the feeds', () => {
    const html = read(`reports/${idOf('万源市教育局', 2021)}/index.html`);
    expect(html).toContain('<meta property="og:title" content="万源市教育局2021年政府信息公开工作年度报告">');
    expect(html).toContain(`<meta property="og:url" content="${SITE}reports/${idOf('万源市教育局', 2021)}/">`);
    expect(html).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/nianbao\/feeds\/reports.xml"/);
  });

  /** The page's text, a space where a tag was. */
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  test('a report page says on time, late by n days, or no date printed', () => {
    // Signed 2022年2月3日, a department's deadline 2022-01-31: three days late.
    expect(text(read(`reports/${idOf('万源市教育局', 2021)}/index.html`))).toContain('发布时限： 逾期 3 天（2022-02-03，期限 2022-01-31）');
    // Signed 2021年3月31日, a government's deadline that very day.
    expect(text(read(`reports/${idOf('万源市人民政府', 2020)}/index.html`))).toContain('发布时限： 按期发布（2021-03-31，期限 2021-03-31）');
    expect(text(read(`reports/${idOf('万源市人民政府', 2022)}/index.html`))).toContain('报告未注明发布日期，无法判断（期限 2023-03-31）');
    expect(text(read(`reports/${idOf('万源市固军镇人民政府', 2020)}/index.html`))).toContain('未规定乡镇、街道报告的发布期限');
  });

  test('an agency page names the years of the portal it has no report for, and says that is not proof none was published', () => {
    const id = reports.find((s) => s.agency === '万源市人民政府')!.agencyId;
    const page = text(read(`agencies/${id}/index.html`));
    expect(page).toContain('本库没有该机关 2021 年度的报告');
    expect(page).toContain('不等于该机关当年没有发布');
  });

  test('a year page counts the reports by deadline and ranks them, warning of the small sample', () => {
    const page = text(read('years/2021/index.html'));
    expect(page).toContain('能判断的报告不足 10 份');
    // On time, late, no date, not judged: the department is late; the fourteen townships are not judged
    // (东风镇, 西湖乡, 南山乡, 东湖乡 and ten of the twenty that only hold 政务公开).
    expect(page).toContain('县级以上人民政府部门，次年1月31日前 0 1 0 0');
    expect(page).toContain('（条例未规定期限，不作判断） 0 0 0 14');
    expect(page).toContain('1 万源市教育局 2022-02-03 2022-01-31 逾期 3 天');
  });
});

describe('a site built without its address', () => {
  let site: TempSite;
  let corpus: string;
  beforeAll(() => {
    corpus = mkdtempSync(join(tmpdir(), 'nianbao-nosite-'));
    site = buildTempSite(writeNameTraps(join(corpus, 'content')));
  });
  afterAll(() => {
    rmSync(corpus, { recursive: true, force: true });
    if (site) rmSync(site.root, { recursive: true, force: true });
  });
  test('has no feeds and no sitemap, and says so when built', () => {
    expect(readdirSync(site.dist)).not.toContain('feeds');
    expect(readdirSync(site.dist)).not.toContain('sitemap-index.xml');
    expect(site.output).toContain('no --site URL: feeds and sitemap are not written');
  });
});
