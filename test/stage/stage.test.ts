import { mkdtemp, readFile, rm, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runDataStage } from '../../scripts/stage/stage.ts';
import type { Agency } from '../../model/corpus.ts';
import type { Report } from '../../model/report.ts';
import { FIXTURE_2019, FIXTURE_2021, FIXTURE_2022_CARRY_OVER_BREAK, tabText } from '../parser/fixtures.ts';

let dir: string;
let content: string;
let out: string;
const run = () => runDataStage({ contentDir: content, outDir: out, workers: 1, log: () => {} });
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-stage-'));
  content = join(dir, 'content');
  out = join(dir, 'generated');
  await import('node:fs/promises').then((fs) => fs.mkdir(content, { recursive: true }));
  await writeFile(join(content, 'a.txt'), tabText(FIXTURE_2021));
  await writeFile(join(content, 'b.txt'), tabText(FIXTURE_2019));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('runDataStage', () => {
  test('every file becomes a report or an error with its reason; one bad file stops nothing', async () => {
    await writeFile(join(content, 'cut.pdf'), '%PDF-1.7\n');
    const { info, summaries } = await run();
    expect(summaries.map((r) => r.agency).sort()).toEqual(['白石市白石镇人民政府', '青禾县人民政府办公室']);
    expect(info.errors).toEqual([{ file: expect.stringContaining('cut.pdf'), error: expect.stringContaining('PDF 文件已损坏') }]);
  });

  test('a rebuild re-parses only changed files and removes outputs of deleted ones', async () => {
    const first = await run();
    expect(first.counts).toMatchObject({ added: 2, fresh: 0 });
    const second = await run();
    expect(second.counts).toMatchObject({ added: 0, changed: 0, fresh: 2 });
    const gone = first.summaries.find((r) => r.year === 2020)!;
    await rm(join(content, 'b.txt'));
    await writeFile(join(content, 'a.txt'), tabText({ ...FIXTURE_2021, overview: '改写的总体情况。' }));
    const third = await run();
    expect(third.counts).toMatchObject({ changed: 1, removed: 1 });
    expect(await exists(join(out, 'downloads/reports', `${gone.id}.json`))).toBe(false);
    expect(await exists(join(out, 'downloads/originals', `${gone.id}.txt`))).toBe(false);
  });

  test('of two new files for the same agency and year, the first by path stays; the other is an error naming it', async () => {
    await writeFile(join(content, 'copy.txt'), tabText(FIXTURE_2021));
    const { info, summaries } = await run();
    expect(summaries.find((r) => r.year === 2021)!.file).toMatch(/a\.txt$/);
    expect(info.errors).toEqual([
      { file: expect.stringMatching(/copy\.txt$/), error: expect.stringMatching(/same agency and year as .*a\.txt .*stays published/) },
    ]);
  });

  test('a parser bug on a file is listed as an internal error with its stack in the log, and never remembered: the next build parses the file again', async () => {
    await writeFile(join(content, 'b.txt'), tabText({ ...FIXTURE_2019, overview: '2020年，我镇收到政府信息公开申请7件。触发解析错误。' }));
    const logged: string[] = [];
    const faulty = () =>
      runDataStage({
        contentDir: content,
        outDir: out,
        workers: 1,
        log: (m) => logged.push(m),
        parseWorker: new URL('./fixtures/faulty-parse-worker.ts', import.meta.url),
      });
    const first = await faulty();
    const internal = {
      file: expect.stringMatching(/b\.txt$/),
      error: 'internal error in the parser (TypeError: a bug planted by the test); please report it with this file',
      internal: true,
    };
    expect(first.info.errors).toEqual([internal]);
    expect(logged.join('\n')).toMatch(/b\.txt: TypeError: a bug planted by the test\n\s+at /);
    // Unchanged, a.txt is remembered; b.txt is not, so it is parsed again (and fails again: the bug is still there).
    const second = await faulty();
    expect(second.counts).toMatchObject({ fresh: 1, added: 1 });
    expect(second.info.errors).toEqual([internal]);
    // The parser fixed, the same bytes become a page.
    const fixed = await run();
    expect(fixed.info.errors).toEqual([]);
    expect(fixed.summaries.map((r) => r.agency).sort()).toEqual(['白石市白石镇人民政府', '青禾县人民政府办公室']);
  });

  test('a second file for a published agency and year never takes the live page down', async () => {
    const first = await run();
    const live = first.summaries.find((r) => r.year === 2021)!;
    // Sorts before a.txt, and says something else: the page must stay a.txt's.
    await writeFile(join(content, '0-later.txt'), tabText({ ...FIXTURE_2021, overview: '后来放入的另一份。' }));
    const { info, summaries } = await run();
    expect(summaries.find((r) => r.id === live.id)!.file).toMatch(/a\.txt$/);
    const published = JSON.parse(await readFile(join(out, 'downloads/reports', `${live.id}.json`), 'utf8')) as Report;
    expect(published.file).toMatch(/a\.txt$/);
    expect(await readFile(join(out, 'downloads/originals', `${live.id}.txt`), 'utf8')).toBe(tabText(FIXTURE_2021));
    expect(info.errors).toEqual([{ file: expect.stringMatching(/0-later\.txt$/), error: expect.stringContaining('already live') }]);
  });

  test('removing one of two duplicates brings the other back as a page', async () => {
    await writeFile(join(content, 'copy.txt'), tabText(FIXTURE_2021));
    await run();
    await rm(join(content, 'copy.txt'));
    const { info, summaries } = await run();
    expect(info.errors).toEqual([]);
    const id = summaries.find((r) => r.year === 2021)!.id;
    expect(await exists(join(out, 'downloads/reports', `${id}.json`))).toBe(true);
    expect(await exists(join(out, 'downloads/originals', `${id}.txt`))).toBe(true);
  });

  test("R8: last year's 结转下年度 against this year's 上年结转 for the same agency", async () => {
    // 2021 carried forward 0 to 2022; 2022 says 2 were carried over.
    await writeFile(join(content, 'c.txt'), tabText(FIXTURE_2022_CARRY_OVER_BREAK));
    const { summaries } = await run();
    const agencies = JSON.parse(await readFile(join(out, 'agencies.json'), 'utf8')) as Agency[];
    const agency = agencies.find((a) => a.name === '青禾县人民政府办公室')!;
    expect(agency.years).toEqual([2021, 2022]);
    expect(agency.carryOverBreaks.map((b) => [b.column, b.carriedForward, b.carriedOver])).toEqual([
      ['naturalPerson', 0, 2],
      ['total', 0, 2],
    ]);
    const laterPath = join(out, 'downloads/reports', `${summaries.find((r) => r.year === 2022)!.id}.json`);
    const later = JSON.parse(await readFile(laterPath, 'utf8')) as Report;
    expect(later.warnings.filter((w) => w.code === 'R8').map((w) => w.message)).toEqual([
      '2021年报告的「结转下年度继续办理」自然人为 0，2022年报告的「上年结转」自然人为 2。',
      '2021年报告的「结转下年度继续办理」总计为 0，2022年报告的「上年结转」总计为 2。',
    ]);

    // The 2021 report is corrected to carry 2 forward: the unchanged 2022 report loses its warnings.
    const fixed = { ...FIXTURE_2021, applications: { ...FIXTURE_2021.applications, received: [7, 1, 0, 0, 0, 0, 8], carriedForward: [2, 0, 0, 0, 0, 0, 2] } };
    await writeFile(join(content, 'a.txt'), tabText(fixed));
    const rerun = await run();
    expect(rerun.counts).toMatchObject({ changed: 1, fresh: 2 });
    const after = JSON.parse(await readFile(laterPath, 'utf8')) as Report;
    expect(after.warnings.filter((w) => w.code === 'R8')).toEqual([]);
    expect(rerun.summaries.find((r) => r.year === 2022)!.warnings).toBe(after.warnings.length);
  });

  test('reports.csv: BOM, one column per dotted cell key, right numbers, no live formula', async () => {
    await writeFile(
      join(content, 'agencies.csv'),
      'agency,region,level,parent,source_url\n青禾县人民政府办公室,"=HYPERLINK(""http://evil"")",county,青禾县人民政府,https://example.gov.cn/\n',
    );
    await run();
    const csv = await readFile(join(out, 'downloads/reports.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    const row = rows.find((r) => r.year === '2021')!;
    expect(row['applications.received.total']).toBe('6');
    expect(row['applications.resultsTotal.naturalPerson']).toBe('6');
    expect(row['review.total']).toBe('2');
    expect(row['proactive.fees.amount']).toBe('1.25');
    expect(row.region).toBe(`'=HYPERLINK("http://evil")`);
    expect(row.level).toBe('county');
    const dictionary = JSON.parse(await readFile(join(out, 'downloads/dictionary.json'), 'utf8')) as { key: string; templates: string }[];
    expect(dictionary.find((d) => d.key === 'applications.otherMisc.total')?.templates).toBe('2021');
    expect(dictionary.find((d) => d.key === 'applications.received.total')?.templates).toBe('2019,2021');
  });
});
