// The page data of the pages spanning the corpus, from a small corpus typed here: the sums and coverage of
// each region (an agency counts in every division it lies in), agencies in no division under 未定地区 with
// why, an agency agencies.csv lists without a report, coverage.csv, and the same page data whether the
// corpus is one part or split in two as shards split it. Expected values are counted by hand below.
//
//   福建省 (35)                福建省财政厅          department  2022 (received 4), 2023 (received 5, contradicted by its own numbers)
//     福州市 (3501)            福州市教育局          department  2023 (received cannot be told)
//       鼓楼区 (350102)        福州市鼓楼区人民政府  county      2022 (received 7, 2023 (received 10)
//   江苏省 (32)
//     南京市 (3201)
//       鼓楼区 (320106)        南京市鼓楼区人民政府  county      2022 (received blank)
//       玄武区 (320102)        南京市玄武区人民政府  county      listed in agencies.csv, no report
//   未定地区                   鼓楼区人民政府        county      2023 (received 1): four 鼓楼区 in China
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Agency } from '../../model/corpus.ts';
import type { AgencyRow, RegionEntry, SiteData, YearData } from '../../model/page-data.ts';
import type { Level } from '../../model/report.ts';
import { FIGURE_KEYS, type FigureKey, type Summary } from '../../model/summary.ts';
import { writePageData } from '../../scripts/page-data/page-data.ts';
import { writeParts, type ListedAgency } from '../../scripts/page-data/parts.ts';
import { corpusOrder } from '../../scripts/stage/stage.ts';

interface Typed {
  id: string;
  name: string;
  level: Level;
  region: string | null;
  years: { year: number; received: number | null; state?: 'unknown' | 'failed'; published?: string }[];
}

const AGENCIES: Typed[] = [
  {
    id: 'czt',
    name: '福建省财政厅',
    level: 'department',
    region: '福建省',
    years: [
      { year: 2022, received: 4, published: '2023-01-20' },
      { year: 2023, received: 5, state: 'failed', published: '2024-02-05' },
    ],
  },
  {
    id: 'jyj',
    name: '福州市教育局',
    level: 'department',
    region: '福建省福州市',
    years: [{ year: 2023, received: null, state: 'unknown', published: '2024-01-31' }],
  },
  {
    id: 'fzgl',
    name: '福州市鼓楼区人民政府',
    level: 'county',
    region: '福建省福州市鼓楼区',
    years: [
      { year: 2022, received: 7, published: '2023-03-31' },
      { year: 2023, received: 10 },
    ],
  },
  { id: 'njgl', name: '南京市鼓楼区人民政府', level: 'county', region: '江苏省南京市鼓楼区', years: [{ year: 2022, received: null, published: '2023-04-01' }] },
  { id: 'gl', name: '鼓楼区人民政府', level: 'county', region: null, years: [{ year: 2023, received: 1, published: '2024-03-01' }] },
];
const LISTED: ListedAgency[] = [
  { id: 'xw', name: '南京市玄武区人民政府', level: 'county', region: '江苏省南京市玄武区' },
  // Listed and with reports: not counted twice.
  { id: 'czt', name: '福建省财政厅', level: 'department', region: '福建省' },
];

function summaryOf(a: Typed, y: Typed['years'][number]): Summary {
  const figures = Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as Record<FigureKey, number | null>;
  figures.received = y.received;
  return {
    id: `${a.id}-${y.year}`,
    agencyId: a.id,
    agency: a.name,
    year: y.year,
    title: null,
    published: y.published ?? null,
    level: a.level,
    region: a.region,
    parent: null,
    sourceUrl: null,
    template: '2021',
    tableTemplates: { proactive: '2021', applications: '2021' },
    format: 'txt',
    file: `content/${a.id}-${y.year}.txt`,
    inferred: false,
    checked: 10,
    failed: y.state === 'failed' ? 1 : 0,
    undecided: 0,
    warnings: 0,
    unknownCells: y.state === 'unknown' ? 1 : 0,
    decidedCells: 100,
    blankCells: 0,
    figures,
    unknownFigures: y.state === 'unknown' ? ['received'] : [],
    failedFigures: y.state === 'failed' ? ['received'] : [],
    cutFigures: [],
    figureParts: {},
  };
}

const agencyOf = (a: Typed): Agency => ({
  id: a.id,
  name: a.name,
  names: [a.name],
  level: a.level,
  region: a.region,
  parent: null,
  sourceUrl: null,
  reports: a.years.map((y) => `${a.id}-${y.year}`),
  years: a.years.map((y) => y.year),
  carryOverBreaks: [],
  formerIds: [],
  formerReports: {},
});

/** Writes the parts of these agencies into `dir` (as one data stage would) and returns it. */
function parts(dir: string, agencies: Typed[]): string {
  const summaries = agencies.flatMap((a) => a.years.map((y) => summaryOf(a, y))).sort(corpusOrder);
  const notes = summaries
    .filter((s) => s.failed > 0)
    .map((s) => ({
      report: s.id,
      file: s.file,
      agency: s.agency,
      year: s.year,
      rule: 'R3' as const,
      scope: 'received',
      result: 'fail' as const,
      expected: 5,
      actual: 6,
      message: '总计 (5) ≠ 各列合计 (6)',
      unknown: '',
      sourceUrl: null,
      anchor: 'check-1',
    }));
  writeParts(dir, { summaries, agencies: agencies.map(agencyOf), notes, revisions: [], listed: LISTED });
  return dir;
}

const root = mkdtempSync(join(tmpdir(), 'nianbao-page-data-'));
const [one, sharded] = [join(root, 'one'), join(root, 'sharded')];
const read = <T>(generated: string, path: string) => JSON.parse(readFileSync(join(generated, 'pages', path), 'utf8')) as T;
beforeAll(async () => {
  await writePageData([parts(join(root, 'one-parts'), AGENCIES)], one);
  // As two shards: 福建 in one, the rest in the other.
  const fujian = AGENCIES.filter((a) => a.region?.startsWith('福建省'));
  await writePageData(
    [
      parts(join(root, 'a-parts'), fujian),
      parts(
        join(root, 'b-parts'),
        AGENCIES.filter((a) => !fujian.includes(a)),
      ),
    ],
    sharded,
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('region pages', () => {
  test('a province counts every agency below it and each year’s reports; coverage is reports of the year against agencies', () => {
    const fujian = read<RegionEntry>(one, 'regions/35.json');
    expect(fujian).toMatchObject({ name: '福建省', region: '福建省', level: 'province', parent: null, direct: 1 });
    expect(fujian.stats.agencies).toBe(3);
    expect(fujian.stats.listed).toBe(0);
    expect(fujian.stats.years['2022']!.reports).toBe(2); // 财政厅, 鼓楼区
    expect(fujian.stats.years['2023']!.reports).toBe(3);
    const fuzhou = read<RegionEntry>(one, 'regions/3501.json');
    expect(fuzhou).toMatchObject({ name: '福州市', parent: '35', direct: 1 });
    expect([fuzhou.stats.agencies, fuzhou.stats.years['2022']!.reports, fuzhou.stats.years['2023']!.reports]).toEqual([2, 1, 2]);
    expect(read<RegionEntry>(one, 'regions/350102.json')).toMatchObject({ name: '鼓楼区', region: '福建省福州市鼓楼区', parent: '3501', direct: 1 });
  });

  test('a sum says what it leaves out and what it takes as printed: never a plain sum', () => {
    const y2023 = read<RegionEntry>(one, 'regions/35.json').stats.years['2023']!;
    // 鼓楼区 10 + 财政厅 5 (contradicted, summed as printed); 教育局's could not be told.
    expect(y2023.totals.received).toEqual({ sum: 15, blank: 0, unknown: 1, failed: 1 });
    expect(y2023.failing).toBe(1);
    // 南京市鼓楼区 left it blank.
    expect(read<RegionEntry>(one, 'regions/32.json').stats.years['2022']!.totals.received).toEqual({ sum: 0, blank: 1, unknown: 0, failed: 0 });
  });

  test('on-time publication per 第四十九条: a department by 31 January, a government by 31 March', () => {
    const fujian = read<RegionEntry>(one, 'regions/35.json').stats;
    // 2022: 财政厅 2023-01-20 on time; 鼓楼区 2023-03-31 on time (the day itself).
    expect(fujian.years['2022']!.timeliness.department).toMatchObject({ 'on-time': 1, late: 0 });
    expect(fujian.years['2022']!.timeliness.government).toMatchObject({ 'on-time': 1, late: 0 });
    // 2023: 财政厅 2024-02-05 late; 教育局 2024-01-31 on time; 鼓楼区 undated.
    expect(fujian.years['2023']!.timeliness.department).toMatchObject({ 'on-time': 1, late: 1 });
    expect(fujian.years['2023']!.timeliness.government).toMatchObject({ 'no-date': 1 });
  });

  test('an agency agencies.csv lists without a report is expected in its region, once', () => {
    const jiangsu = read<RegionEntry>(one, 'regions/32.json');
    expect([jiangsu.stats.agencies, jiangsu.stats.listed]).toEqual([1, 1]);
    expect(read<RegionEntry>(one, 'regions/320102.json')).toMatchObject({ name: '玄武区', direct: 1, stats: { agencies: 0, listed: 1 } });
    const [xuanwu] = read<AgencyRow[]>(one, 'lists/region-320102/1.json');
    expect(xuanwu).toMatchObject({ id: 'xw', listed: true, years: [], latest: null });
    expect(read<SiteData>(one, 'site.json')).toMatchObject({ agencies: 5, listed: 1 });
  });

  test('an agency in no division is under 未定地区, saying why', () => {
    expect(read<RegionEntry>(one, 'regions/none.json')).toMatchObject({ name: '未定地区', level: 'none', direct: 1 });
    const [gulou] = read<AgencyRow[]>(one, 'lists/region-none/1.json');
    expect(gulou!.id).toBe('gl');
    expect(gulou!.unplaced).toMatch(/“鼓楼区”在全国有 \d+ 处/);
  });

  test('the index lists each region once with its parent, by code', () => {
    const index = read<RegionEntry[]>(one, 'regions.json');
    expect(index.map((r) => `${r.code}<${r.parent ?? ''}`)).toEqual(['32<', '3201<32', '320102<3201', '320106<3201', '35<', '3501<35', '350102<3501', 'none<']);
  });
});

describe('coverage.csv', () => {
  test('one row per agency and year of the portal, the report’s id or empty', () => {
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(join(one, 'downloads/coverage.csv'), 'utf8').slice(1), { skipEmptyLines: true }).data;
    expect(header).toEqual(['province', 'city', 'county', 'region', 'agencyId', 'agency', 'level', 'listed', 'year', 'report']);
    const cell = (agency: string, year: string) => rows.find((r) => r[4] === agency && r[8] === year);
    // Six agencies (the listed one included) × two years.
    expect(rows).toHaveLength(12);
    expect(cell('njgl', '2023')).toEqual(['江苏省', '南京市', '鼓楼区', '江苏省南京市鼓楼区', 'njgl', '南京市鼓楼区人民政府', 'county', 'false', '2023', '']);
    expect(cell('njgl', '2022')![9]).toBe('njgl-2022');
    expect(cell('xw', '2022')!.slice(7)).toEqual(['true', '2022', '']);
    expect(cell('czt', '2023')!.slice(0, 3)).toEqual(['福建省', '', '']);
    expect(cell('gl', '2023')!.slice(0, 4)).toEqual(['', '', '', '']);
  });
});

describe('year pages', () => {
  test('the year’s sums, the reports failing their own checks by name, and the ranking by received', () => {
    const y = read<YearData>(one, 'years/2023.json');
    expect(y.stats.reports).toBe(4);
    expect(y.stats.totals.received).toEqual({ sum: 16, blank: 0, unknown: 1, failed: 1 });
    expect(y.failingNamed).toEqual([{ id: 'czt-2023', agency: '福建省财政厅' }]);
    // Received 10, 5, 1, then the one that cannot be told.
    expect(read<Summary[]>(one, 'lists/ranking-2023/1.json').map((s) => s.id)).toEqual(['fzgl-2023', 'czt-2023', 'gl-2023', 'jyj-2023']);
  });
});

describe('built in shards', () => {
  test('two parts give the same page data and coverage.csv as one', () => {
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)))
        .sort();
    expect(files(sharded)).toEqual(files(one));
    for (const f of files(one)) expect(readFileSync(join(sharded, f), 'utf8'), f).toBe(readFileSync(join(one, f), 'utf8'));
  });
});
