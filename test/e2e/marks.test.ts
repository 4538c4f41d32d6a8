// Marks that mean what they say, on a site of reports typed for it (fixtures/marks-corpus.ts) beside the
// sample reports: a report whose checks all pass and whose cells are all decided carries no ⚠ and no hatching
// anywhere (its page, its agency's page, its year's ranking, compare), even when its figures ran together and
// were cut by the arithmetic; every failed check still carries ⚠ on its cells; a total its parts contradict is
// never shown bare; undecided checks never read 0 in a ranking; an ambiguity in table 二 marks nothing in
// table 三; names with and without 政府 or their city are one agency, every 平潭 agency lies in 福建省, and
// the addresses the old names had redirect. Expected values are read from the typed reports.
import { afterAll, describe, expect, test } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import type { Agency } from '../../model/corpus.ts';
import type { Report } from '../../model/report.ts';
import type { Summary } from '../../model/summary.ts';
import type { ChartSpec } from '../../src/charts/chart-spec.ts';
import { MARKS_NAMES, writeMarksCorpus } from './fixtures/marks-corpus.ts';
import { browserAvailable, openPage, textOf, useServedSite } from './site.ts';

describe.skipIf(!browserAvailable)('marks that mean what they say', () => {
  let corpus = '';
  const served = useServedSite(() => (corpus = writeMarksCorpus()));
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));
  const generated = (file: string) => join(served().site.generated, file);
  const summaries = (): Summary[] => JSON.parse(readFileSync(generated('reports.json'), 'utf8'));
  const agencies = (): Agency[] => JSON.parse(readFileSync(generated('agencies.json'), 'utf8'));
  const report = (id: string): Report => JSON.parse(readFileSync(generated(`downloads/reports/${id}.json`), 'utf8'));
  const find = (agency: string, year: number) => summaries().find((s) => s.agency === agency && s.year === year)!;
  const open = async (path: string, width = 1200) => (await openPage(served().browser, served().url + path, width)).page;
  /** The figure tables' row of a report (an agency's years, a year's ranking), by the link to its page. */
  const rowText = (page: Page, id: string) =>
    page.$eval(`table.data[data-sortable] tbody tr:has(th a[href$="/reports/${id}/"])`, (tr) => tr.textContent!.replace(/\s+/g, ' '));
  /** Every chart the page drew from data it printed: its spec. */
  const chartSpecs = (page: Page) => page.$$eval('figure[data-chart]', (fs) => fs.map((f) => JSON.parse((f as HTMLElement).dataset.chart!) as ChartSpec));
  const compareOf = async (agencyIds: string[]) => {
    const page = await open(`compare/?a=${agencyIds.join(',')}`);
    await page.waitForSelector('#compare-charts figure');
    return page;
  };

  /** Reports whose checks all pass and whose every cell is decided (and that nothing contradicts). */
  const clean = () =>
    summaries().filter(
      (s) => s.checked > 0 && s.failed === 0 && s.unknownCells === 0 && !report(s.id).warnings.some((w) => w.code === 'R13' || w.code === 'R8'),
    );

  test('the typed corpus holds what the scenarios need: clean reports (one cut by the arithmetic), failing ones, undecided ones', () => {
    const zone2020 = find(MARKS_NAMES.zone, 2020);
    expect(clean().map((s) => s.id)).toContain(zone2020.id);
    expect(zone2020.cutFigures).toContain('received');
    expect(find(MARKS_NAMES.bureau, 2021).failed).toBe(2);
    expect(summaries().some((s) => s.failed === 0 && s.undecided > 0)).toBe(true);
  });

  test('a clean report carries no ⚠, no caution box and no hatching, on its page, its agency’s page and its year’s ranking', async () => {
    for (const s of clean()) {
      const page = await open(`reports/${s.id}/`);
      expect(await textOf(page, 'main'), s.agency).not.toContain('⚠');
      expect(await page.$$('#report-notice')).toHaveLength(0);
      expect(await page.$$('td.failed, .flag')).toHaveLength(0);
      const agency = await open(`agencies/${s.agencyId}/`);
      expect(await rowText(agency, s.id)).not.toContain('⚠');
      for (const spec of await chartSpecs(agency)) {
        const i = spec.labels.indexOf(`${s.year}年`);
        for (const series of spec.series) expect(series.flagged?.[i] ?? false, `${s.agency} ${s.year} ${spec.title}`).toBe(false);
      }
      const year = await open(`years/${s.year}/`);
      expect(await rowText(year, s.id)).not.toContain('⚠');
      await Promise.all([page.close(), agency.close(), year.close()]);
    }
    // Compare the agencies all of whose reports are clean: nothing marked.
    const ids = new Set(clean().map((s) => s.id));
    const spotless = [...new Set(summaries().map((s) => s.agencyId))].filter((id) => summaries().every((s) => s.agencyId !== id || ids.has(s.id)));
    expect(spotless.length).toBeGreaterThan(2);
    const compare = await compareOf(spotless);
    expect(await textOf(compare, '#compare-charts')).not.toContain('⚠');
    expect(await textOf(compare, '#compare-cautions')).toBe('');
    await compare.close();
  });

  test('figures cut by the arithmetic say so quietly: dotted cells linking to the 原文 page, a note, no caution', async () => {
    const s = find(MARKS_NAMES.zone, 2020);
    const page = await open(`reports/${s.id}/`);
    const cell = page.locator('td[data-cell="applications.received.total"]');
    expect(await cell.getAttribute('class')).toContain('cut');
    expect((await cell.textContent())!.trim()).toMatch(/^12/);
    expect(await cell.locator('a.src').getAttribute('href')).toContain(`/reports/${s.id}/source/#row-applications-received`);
    expect(await textOf(page, '.quiet-notes')).toContain('按表内勾稽关系拆分');
    // The 原文 page shows the run of digits and the cut.
    const source = await open(`reports/${s.id}/source/`);
    expect(await textOf(source, 'main')).toContain('120000012');
    await Promise.all([page.close(), source.close()]);
  });

  test('a total its columns contradict reads ⚠ 0（原表总计；各列合计 6） wherever it is shown, and its failed checks mark their cells', async () => {
    const s = find(MARKS_NAMES.bureau, 2021);
    const shown = '⚠ 0（原表总计；各列合计 6）';
    const page = await open(`reports/${s.id}/`);
    expect(await textOf(page, '.gist')).toContain(shown);
    expect(await textOf(page, '#report-notice')).toContain('表三有 2 项一致性检查未通过');
    for (const c of report(s.id).checks.filter((c) => c.ok === false))
      for (const path of c.cells) expect(await page.getAttribute(`td[data-cell="${path}"]`, 'class'), path).toContain('failed');
    const agency = await open(`agencies/${s.agencyId}/`);
    expect(await rowText(agency, s.id)).toContain(shown);
    const trend = (await chartSpecs(agency)).find((c) => c.title.startsWith('新收'))!;
    const i = trend.labels.indexOf('2021年');
    expect(trend.series[0]!.flagged![i]).toBe(true);
    expect(await textOf(agency, 'figure.chart')).toContain(shown);
    const year = await open('years/2021/');
    expect(await rowText(year, s.id)).toContain(shown);
    const compare = await compareOf([s.agencyId]);
    expect(await textOf(compare, '#compare-charts')).toContain(shown);
    const [download] = await Promise.all([compare.waitForEvent('download'), compare.click('#compare-csv')]);
    const rows = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), { header: true }).data;
    expect(rows.find((r) => r['报告'] === s.id)!['新收申请总计']).toBe(shown);
    await Promise.all([page.close(), agency.close(), year.close(), compare.close()]);
  });

  test('an ambiguity in table 二 marks its own cells and nothing of table 三 or 四', async () => {
    const s = find(MARKS_NAMES.bureau, 2022);
    const page = await open(`reports/${s.id}/`);
    expect(await textOf(page, '#report-notice')).toContain('表二有 3 个单元格无法确定');
    expect(
      await page.$$eval('td[data-cell^="applications."], td[data-cell^="review."]', (tds) => tds.filter((td) => /[⚠？]/.test(td.textContent!)).length),
    ).toBe(0);
    const agency = await open(`agencies/${s.agencyId}/`);
    expect(await rowText(agency, s.id)).not.toMatch(/[⚠？]/);
    const compare = await compareOf([s.agencyId]);
    expect(await textOf(compare, '#compare-cautions')).not.toContain('2022年');
    await Promise.all([page.close(), agency.close(), compare.close()]);
  });

  test('a ranking never reads 0 for checks that could not be decided', async () => {
    for (const s of summaries().filter((x) => x.checked > 0 && x.failed === 0 && x.undecided > 0)) {
      const year = await open(`years/${s.year}/`);
      const cell = await year.$eval(`table.data tbody tr:has(th a[href$="/reports/${s.id}/"]) td:last-child`, (td) => td.textContent!.trim());
      expect(cell, s.agency).toBe(`？ ${s.undecided} 项无法判断`);
      await year.close();
    }
    const list = await open('agencies/');
    const undecided = summaries().find((x) => x.failed === 0 && x.undecided > 0)!;
    const cell = await list.$eval(`table.data tbody tr:has(th a[href$="/agencies/${undecided.agencyId}/"]) td:last-child`, (td) => td.textContent!.trim());
    expect(cell).toMatch(/项无法判断$/);
    await list.close();
  });

  test('one agency for a name with and without 政府 or its city; every 平潭 agency lies in 福建省, and old addresses redirect', async () => {
    const zone = agencies().filter((a) => a.names.some((n) => n.startsWith('平潭综合实验区') && !n.includes('局')));
    expect(zone).toHaveLength(1);
    expect(zone[0]!.names.sort()).toEqual(['平潭综合实验区', '平潭综合实验区政府']);
    expect(zone[0]!.years).toEqual([2019, 2020]);
    const township = agencies().filter((a) => a.names.some((n) => n.includes('顿坊店乡')));
    expect(township).toHaveLength(1);
    expect(township[0]!.names).toEqual(['卫辉市顿坊店乡人民政府', '顿坊店乡人民政府']);
    expect(township[0]!.region).toBe('河南省新乡市卫辉市');
    for (const a of agencies().filter((x) => x.name.includes('平潭'))) expect(a.region, a.name).toMatch(/^福建省福州市平潭县/);
    const list = await open('agencies/');
    const regions = await list.$$eval('select[name="region"] option', (os) => os.map((o) => o.textContent!.trim()));
    expect(regions).toEqual(expect.arrayContaining(['福建省', '福建省福州市', '福建省福州市平潭县']));
    // The zone had an id of its own before it was placed: its old pages send the reader on.
    const [former] = zone[0]!.formerIds;
    expect(former).toBeDefined();
    const moved = await open(`agencies/${former}/`);
    await moved.waitForURL(`**/agencies/${zone[0]!.id}/`);
    expect(await textOf(moved, 'h1')).toBe('平潭综合实验区');
    const [oldReport, newReport] = Object.entries(zone[0]!.formerReports)[0]!;
    const movedReport = await open(`reports/${oldReport}/`);
    await movedReport.waitForURL(`**/reports/${newReport}/`);
    await Promise.all([list.close(), moved.close(), movedReport.close()]);
  });

  test('the 引用 block and the printout carry the page’s full address on a site built without --site', async () => {
    const s = find('平潭综合实验区政府', 2019);
    const page = await open(`reports/${s.id}/`);
    const address = `${served().url}reports/${s.id}/`;
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(await textOf(page, 'section.cite')).toContain(address);
    expect(await textOf(page, '.print-source')).toContain(address);
    await page.close();
  });
});
