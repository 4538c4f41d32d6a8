// Compare as a journalist uses it: six agencies over seven years (fixtures/seven-years.ts). Over the years
// each measure is a line per agency, drawn as small multiples (a panel per agency, one scale), each agency in
// one colour on every chart of the page; one year's breakdowns are bars per agency; the page stays within a
// 360 px phone and its legend never squeezes a chart; the one contradicted total (卫辉市顿坊店乡 2022: 行政复议
// 总计 0 beside 10 + 1) is marked wherever it appears. Every chart downloads as PNG, SVG and CSV, each
// carrying the chart's title, the source, the data's date and the page's address: opened here to check.
import { afterAll, describe, expect, test } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import Papa from 'papaparse';
import { SaxesParser } from 'saxes';
import type { Page } from 'playwright-core';
import type { Agency, BuildInfo } from '../../model/corpus.ts';
import { CONTRADICTED, MISSING, SEVEN_AGENCIES, SEVEN_YEARS, writeSevenYears } from './fixtures/seven-years.ts';
import { browserAvailable, openPage, textOf, useServedSite } from './site.ts';

/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (bytes: Buffer) => ({ signature: bytes.subarray(1, 4).toString('latin1'), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

/** The text of every <text>, <title> and <desc> of an SVG, parsed as XML (a malformed file throws). */
function svgTexts(svg: string): { root: string; texts: string[] } {
  const parser = new SaxesParser();
  const texts: string[] = [];
  let root = '';
  let open: string | null = null;
  parser.on('opentag', (t) => {
    root ||= t.name;
    if (['text', 'title', 'desc'].includes(t.name)) open = '';
  });
  parser.on('text', (t) => {
    if (open !== null) open += t;
  });
  parser.on('closetag', (t) => {
    if (['text', 'title', 'desc'].includes(t.name) && open !== null) {
      texts.push(open);
      open = null;
    }
  });
  parser.write(svg).close();
  return { root, texts };
}

describe.skipIf(!browserAvailable)('compare: six agencies over seven years', () => {
  let corpus = '';
  const served = useServedSite(() => (corpus = writeSevenYears()));
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));
  const agencies = (): Agency[] => JSON.parse(readFileSync(`${served().site.generated}/agencies.json`, 'utf8'));
  const built = () => (JSON.parse(readFileSync(`${served().site.generated}/build.json`, 'utf8')) as BuildInfo).generatedAt.slice(0, 10);
  /** The agencies' ids in the order of SEVEN_AGENCIES (the order they are chosen in, which sets their colours). */
  const ids = () => SEVEN_AGENCIES.map((name) => agencies().find((a) => a.name === name)!.id);
  const compare = async (width: number, query = '') => {
    const { page, errors } = await openPage(served().browser, `${served().url}compare/?a=${ids().join(',')}${query}`, width);
    await page.waitForSelector('#compare-charts figure canvas');
    return { page, errors };
  };
  const figure = (page: Page, title: string) => page.locator('#compare-charts figure', { has: page.locator('figcaption', { hasText: title }) }).first();

  test('over the years: small multiples, a panel per agency in its own colour, the same colour on every chart', async () => {
    const { page, errors } = await compare(1366);
    expect(await textOf(page, '#compare-status')).toContain(`${SEVEN_AGENCIES.length * SEVEN_YEARS.length - 1} 份报告`);
    const trend = figure(page, '新收政府信息公开申请');
    const titles = await trend.locator('.panel-title').allTextContents();
    expect(titles.map((t) => t.trim())).toEqual(SEVEN_AGENCIES);
    // Each agency's colour: its swatch in the page legend, on every panel and in every chart drawn.
    const colours = await page.$$eval('.page-legend li', (lis) =>
      lis.map((li) => [li.textContent!.trim(), (li.querySelector('.swatch') as HTMLElement).style.background]),
    );
    expect(colours.map(([name]) => name)).toEqual(SEVEN_AGENCIES);
    expect(new Set(colours.map(([, c]) => c)).size).toBe(SEVEN_AGENCIES.length);
    const panels = await page.$$eval('#compare-charts .panel-title', (ps) =>
      ps.map((p) => [p.textContent!.trim(), (p.querySelector('.swatch') as HTMLElement).style.background]),
    );
    for (const [name, colour] of panels) expect(colour, name).toBe(colours.find(([n]) => n === name)![1]);
    // A year without a report is a gap in the line and says so in the table.
    const row = await trend.locator('tbody tr', { hasText: `${MISSING.year}年` }).textContent();
    expect(row).toContain('无报告');
    // Every panel drew something.
    const drawn = await trend.locator('canvas').evaluateAll((cs) =>
      (cs as HTMLCanvasElement[]).every((c) =>
        c
          .getContext('2d')!
          .getImageData(0, 0, c.width, c.height)
          .data.some((v, i) => i % 4 === 3 && v !== 0),
      ),
    );
    expect(drawn).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the contradicted total is marked in its year, with what its parts add up to, and nowhere else', async () => {
    const { page } = await compare(1366);
    const review = figure(page, '行政复议（件）');
    const shown = `⚠ ${CONTRADICTED.printed}（原表总计；各项合计 ${CONTRADICTED.parts}）`;
    const cells = await review.locator('table td').allTextContents();
    expect(cells.filter((c) => c.includes('⚠'))).toEqual([expect.stringContaining(shown)]);
    expect(await textOf(page, '#compare-cautions')).toContain(`${CONTRADICTED.agency} ${CONTRADICTED.year}年`);
    // 新收申请 of that report is not contradicted: no mark on it.
    expect(await figure(page, '新收政府信息公开申请').locator('td.flagged').count()).toBe(0);
    await page.close();
  });

  test('one year: the breakdowns are bars per agency, and the year can be changed', async () => {
    const { page } = await compare(1366, `&b=${CONTRADICTED.year}`);
    expect(await textOf(page, '#compare-charts')).toContain(`${CONTRADICTED.year}年各机关的构成`);
    const outcomes = figure(page, `办理结果（件），${CONTRADICTED.year}年`);
    expect(await outcomes.locator('thead th').allTextContents()).toEqual(SEVEN_AGENCIES);
    await page.selectOption('#compare-year', '2025');
    await page.waitForFunction(() => document.querySelector('#compare-charts')!.textContent!.includes('2025年各机关的构成'));
    expect(new URL(page.url()).searchParams.get('b')).toBe('2025');
    await page.close();
  });

  test('readable on a 360 px phone: nothing wider than the screen, two panels a row, legends outside the charts', async () => {
    const { page } = await compare(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const boxes = await figure(page, '新收政府信息公开申请')
      .locator('.panel .canvas-box')
      .evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), width: r.width, height: r.height })));
    expect(boxes).toHaveLength(SEVEN_AGENCIES.length);
    expect(boxes[0]!.top).toBe(boxes[1]!.top);
    for (const b of boxes) {
      expect(b.width).toBeGreaterThan(120);
      expect(b.height).toBeGreaterThan(120);
    }
    const legendInside = await page.$$eval('#compare-charts figure', (fs) =>
      fs.every((f) => [...f.querySelectorAll('.chart-legend li')].every((li) => li.getBoundingClientRect().right <= f.getBoundingClientRect().right + 1)),
    );
    expect(legendInside).toBe(true);
    await page.close();
  });

  test('each chart downloads as PNG, SVG and CSV stamped with its title, the source, the data date and the page address', async () => {
    const { page } = await compare(1366);
    const trend = figure(page, '新收政府信息公开申请');
    const title = (await trend.locator('figcaption').textContent())!.trim();
    const download = async (kind: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), trend.locator(`button[data-download="${kind}"]`).click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const address = page.url();

    const png = await download('png');
    expect(png.name).toMatch(/\.png$/);
    const size = pngSize(png.bytes);
    expect(size.signature).toBe('PNG');
    // 1,200 px wide at twice the pixels; tall enough for six panels in two rows and the stamp.
    expect(size.width).toBe(2400);
    expect(size.height).toBeGreaterThan(1200);

    const svg = await download('svg');
    expect(svg.name).toMatch(/\.svg$/);
    const { root, texts } = svgTexts(svg.bytes.toString('utf8'));
    expect(root).toBe('svg');
    const all = texts.join('\n');
    expect(texts).toContain(title);
    expect(all).toContain('来源：各机关公开发布的《政府信息公开工作年度报告》');
    expect(all).toContain(`数据生成于 ${built()}`);
    expect(all).toContain(address);
    for (const name of SEVEN_AGENCIES) expect(all).toContain(name);

    const csv = await download('csv');
    expect(csv.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const rows = Papa.parse<string[]>(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const stamp = Object.fromEntries(rows.slice(0, 6).map((r) => [r[0], r[1]]));
    expect(stamp).toMatchObject({ 标题: title, 数据生成于: built(), 网址: address });
    expect(stamp['来源']).toContain('政府信息公开工作年度报告');
    const header = rows.find((r) => r[0] === '')!;
    expect(header.slice(1)).toEqual(SEVEN_AGENCIES);
    const missing = rows.find((r) => r[0] === `${MISSING.year}年`)!;
    expect(missing[SEVEN_AGENCIES.indexOf(MISSING.agency) + 1]).toBe('无报告');
    await page.close();
  });
});
