// A maintainer's typo and a hostile report cost only themselves. A site built with its address (--site)
// over agency names holding characters XML forbids, a report of megabytes on one line, source addresses
// that lie, and an agencies.csv with an open quote, a region with a newline, one climbing directories and
// one of 100 characters, an alias loop and an alias to nothing: the build publishes, says which rows it
// skipped, every XML file of the site is well-formed (read back with saxes, a strict XML 1.0 parser), the
// rows after the typo still apply, and no page grows with the report's size. Static files only.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SaxesParser } from 'saxes';
import { XMLParser } from 'fast-xml-parser';
import { buildTempSite, type TempSite } from './build.ts';
import { trapReport } from './fixtures/name-traps.ts';
import type { BuildInfo } from '../../model/corpus.ts';
import type { Summary } from '../../model/summary.ts';

const SITE = 'https://example.org/';

/** Agencies whose printed names carry characters XML 1.0 forbids (and one that reorders text on screen). */
const HOSTILE = ['青山\u0001乡人民政府', '白水\u0008镇人民政府', '红旗\u001b乡人民政府', '柳林\ufffe镇人民政府'];

const AGENCIES_CSV = [
  'agency,region,level,parent,source_url,aliases',
  '青山乡人民政府,四川省达州市万源市,township,,,',
  // An open quote: Papa Parse reads it as one field running to the next quote, two lines down.
  '"白水镇人民政府,四川省达州市,township,,,',
  '石门乡人民政府,"四川省\n达州市",township,,,',
  '三江镇人民政府,../../../etc,township,,,',
  `桃源乡人民政府,${'长'.repeat(100)},township,,,`,
  '黄土镇人民政府,%2e%2e,township,,http://www.gov.cn:443@evil.example/,',
  '双河乡人民政府,四川省达州市宣汉县,township,,https://www.gov.cn\u202E.evil.example/,龙泉镇人民政府',
  '龙泉镇人民政府,四川省达州市宣汉县,township,,,双河乡人民政府',
  '新华乡人民政府,四川省达州市宣汉县,township,,,新华乡政府办公室',
  // After the typo: still applied.
  '长岭镇人民政府,四川省达州市开江县,township,,https://www.kj.gov.cn/,',
  '',
].join('\n');

const wellFormed = (xml: string): string | null => {
  const parser = new SaxesParser();
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

describe('a --site build over hostile names and a mistyped agencies.csv', () => {
  let corpus: string;
  let site: TempSite;
  let reports: Summary[];
  let info: BuildInfo;
  beforeAll(() => {
    corpus = mkdtempSync(join(tmpdir(), 'nianbao-hostile-feeds-'));
    const content = join(corpus, 'content');
    mkdirSync(content);
    const names = [...HOSTILE, '石门乡人民政府', '三江镇人民政府', '桃源乡人民政府', '黄土镇人民政府', '双河乡人民政府', '龙泉镇人民政府', '长岭镇人民政府'];
    names.forEach((agency, i) =>
      writeFileSync(join(content, `${i}.txt`), trapReport({ agency, year: 2020, sentence: '本乡镇推进政务公开。', signed: '2021年1月20日' })),
    );
    // A report holding a line of some 4.8 MB, whose source line claims gov.cn but leads elsewhere.
    const long = trapReport({ agency: '新华乡人民政府', year: 2021, sentence: '新华乡推进政务公开。'.repeat(160_000), signed: '2022年1月20日' });
    writeFileSync(join(content, 'long.txt'), `原文链接: http://www.gov.cn:443@evil.example/\n${long}`);
    writeFileSync(join(content, 'agencies.csv'), AGENCIES_CSV);
    site = buildTempSite(content, ['--site', SITE]);
    reports = JSON.parse(readFileSync(join(site.generated, 'reports.json'), 'utf8'));
    info = JSON.parse(readFileSync(join(site.generated, 'build.json'), 'utf8'));
  }, 600_000);
  afterAll(() => {
    rmSync(corpus, { recursive: true, force: true });
    if (site) rmSync(site.root, { recursive: true, force: true });
  });
  const summary = (agency: string) => reports.find((s) => s.agency.replace(/[^\p{Script=Han}]/gu, '') === agency)!;

  test('every report is published, and the build says which rows of agencies.csv it skipped and why', () => {
    expect(info.errors).toEqual([]);
    expect(reports).toHaveLength(12);
    const said = info.warnings.map((w) => `${w.line}: ${w.warning}`);
    expect(said).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3: a quote opened here is not closed at the end of its field; row skipped/),
        expect.stringMatching(/^7: region of 100 characters \(at most 64\); ignored/),
        expect.stringMatching(/^8: source_url .* is refused: user information before its host/),
        expect.stringMatching(/^9: source_url .* is refused: control or text-direction characters/),
        expect.stringMatching(/^9: alias 「龙泉镇人民政府」 has a row of its own \(line 10\), which lists 「双河乡人民政府」 as its alias: a loop/),
        expect.stringMatching(/^11: alias 「新华乡政府办公室」 of 「新华乡人民政府」 is the name of no report: it merges nothing/),
      ]),
    );
    expect(site.output).toMatch(/problem\(s\) in .*agencies\.csv, whose other rows apply:\n.*line 3: a quote opened here/);
  });

  test('the rows after the typo apply, a region is text, never a path, and nothing is written outside content, generated (and the state of revisions beside it) and dist', () => {
    expect(summary('长岭镇人民政府').region).toBe('四川省达州市开江县');
    expect(summary('长岭镇人民政府').sourceUrl).toBe('https://www.kj.gov.cn/');
    // The newline is gone from the region; the open quote's row is skipped, so 白水镇 keeps what its name says.
    expect(summary('石门乡人民政府').region).toBe('四川省达州市');
    expect(summary('白水镇人民政府').region).toBeNull();
    expect(summary('三江镇人民政府').region).toBe('../../../etc');
    const feeds = readdirSync(join(site.dist, 'feeds/regions'));
    expect(feeds.every((f) => /^[\p{L}\p{N}-]{1,40}$/u.test(f))).toBe(true);
    expect(feeds).toContain('四川省达州市开江县');
    const outside = filesUnder(site.root)
      .map((f) => relative(site.root, f))
      .filter((f) => !/^(content|generated(\.revisions)?|site[/\\]dist(\.builds)?)[/\\]/.test(f));
    expect(outside).toEqual([]);
  });

  test('every XML file of the site is well-formed, and the feeds list the hostile names', () => {
    const xmlFiles = filesUnder(site.dist).filter((f) => f.endsWith('.xml'));
    expect(xmlFiles.length).toBeGreaterThan(20);
    const broken = xmlFiles.map((f) => [relative(site.dist, f), wellFormed(readFileSync(f, 'utf8'))]).filter(([, e]) => e);
    expect(broken).toEqual([]);
    const titles = [new XMLParser().parse(readFileSync(join(site.dist, 'feeds/reports.xml'), 'utf8')).rss.channel.item]
      .flat()
      .map((i: { title: string }) => i.title);
    for (const name of ['青山乡人民政府', '白水镇人民政府', '红旗乡人民政府', '柳林镇人民政府'])
      expect(titles).toContain(`${name}2020年政府信息公开工作年度报告`);
  });

  test('a source address that leads elsewhere than it reads is not published; a good one shows its host', () => {
    const long = summary('新华乡人民政府');
    expect(long.sourceUrl).toBeNull();
    const page = readFileSync(join(site.dist, `reports/${long.id}/index.html`), 'utf8');
    expect(page).not.toMatch(/href="[^"]*evil\.example/);
    expect(page).toContain('未记录原文网址');
    const good = readFileSync(join(site.dist, `reports/${summary('长岭镇人民政府').id}/index.html`), 'utf8');
    expect(good).toMatch(/查看原文<\/a>\s*<span class="source-host"[^>]*>（www\.kj\.gov\.cn）<\/span>/);
  });

  test('a report with a line of megabytes makes pages of a few hundred KB, saying what they leave out', () => {
    const { id } = summary('新华乡人民政府');
    const report = readFileSync(join(site.dist, `reports/${id}/index.html`), 'utf8');
    const source = readFileSync(join(site.dist, `reports/${id}/source/index.html`), 'utf8');
    expect(statSync(join(site.dist, `data/originals/${id}.txt`)).size).toBeGreaterThan(4_000_000);
    expect(Buffer.byteLength(report)).toBeLessThan(400_000);
    expect(Buffer.byteLength(source)).toBeLessThan(800_000);
    expect(report).toMatch(/本节以下 [\d,]+ 字未在本页显示/);
    expect(source).toMatch(/此处略去 [\d,]+ 字/);
  });
});
