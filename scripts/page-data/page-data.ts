// The page data (model/page-data.ts) from one or more parts (parts.ts): the one part of a one-go data
// stage, or every shard's at the hub. Each list is a k-way merge of the parts' sorted lists (merge-sorted.ts)
// cut into pages as it streams; counts and sums are added up part by part. What is held at once is a page
// of rows, one element per part, and what grows with the regions and years (their counts), never with
// the reports. Also writes coverage.csv (who reported, model/coverage.ts) into the downloads.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COVERAGE_COLUMNS, expectedYears, portalYears } from '../../model/coverage.ts';
import { csvLine } from '../../model/csv.ts';
import { generatedFiles } from '../../model/generated.ts';
import {
  emptyYear,
  FAILING_NAMED,
  FEED_ITEMS,
  LATEST,
  lists,
  PAGE_ROWS,
  pageFiles,
  type AgencyRow,
  type AreaStats,
  type FeedData,
  type QualityRow,
  type RegionEntry,
  type SiteData,
  type YearData,
} from '../../model/page-data.ts';
import { divisions, regionPath, type Division } from '../../model/region.ts';
import { LEVEL_LABELS, type Level } from '../../model/report.ts';
import type { Summary } from '../../model/summary.ts';
import type { PickerAgency } from '../../src/compare/compare-data.ts';
import { ArrayWriter, FileWriter, readArray } from '../stage/json-array.ts';
import { mergeSorted, type Source } from '../stage/merge-sorted.ts';
import { addStats, addYear, emptyStats } from './area-stats.ts';
import { agencyOrder, byCode, byRule, latestOrder, nameOrder, qualityOrder, rankingOrder, regionOrder, Top } from './orders.ts';
import { writeNameFiles } from './name-files.ts';
import { feedOrder, partFiles, type FeedEntry, type StatsPart, type YearPart } from './parts.ts';
import { readGenerated } from '../../model/generated-file.ts';

/** The corpus-wide download of who reported, beside reports.csv. */

/** A list cut into pages of PAGE_ROWS rows as rows arrive: lists/<name>/<n>.json. */
class PagedList<T> {
  private page: T[] = [];
  private pages = 0;
  rows = 0;
  private readonly out: string;
  private readonly name: string;
  constructor(out: string, name: string) {
    this.out = out;
    this.name = name;
  }
  add(row: T): void {
    this.page.push(row);
    this.rows++;
    if (this.page.length === PAGE_ROWS) this.flush();
  }
  private flush(): void {
    const path = join(this.out, pageFiles.list(this.name, ++this.pages));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(this.page));
    this.page = [];
  }
  /** Closes the list; an empty one still has its (empty) first page. */
  close(): number {
    if (this.page.length > 0 || this.pages === 0) this.flush();
    return this.rows;
  }
}

/** The sorted list `file` of every part that has it. */
const sources = <T>(parts: string[], file: string): Source<T>[] =>
  parts.filter((p) => existsSync(join(p, file))).map((p) => ({ name: join(p, file), items: readArray<T>(join(p, file)) }));

/** Every division by code, and `none`. */
let byCodeMap: Map<string, Division> | undefined;
const divisionOf = (code: string) => {
  byCodeMap ??= new Map(
    [...divisions().provinces, ...[...divisions().cities.values()].flat(), ...[...divisions().counties.values()].flat()].map((d) => [d.code, d]),
  );
  return byCodeMap.get(code);
};

function regionEntry(code: string, stats: AreaStats, direct: number): RegionEntry {
  const d = divisionOf(code);
  if (!d) return { code: 'none', name: '未定地区', region: '', level: 'none', parent: null, direct, stats };
  return { code, name: d.name, region: d.region, level: d.level, parent: regionPath(d.region).at(-2)?.code ?? null, direct, stats };
}

/** Writes `<generated>/pages/` from the parts, and `<generated>/downloads/coverage.csv`. */
export async function writePageData(parts: string[], generated: string): Promise<void> {
  const files = generatedFiles(generated);
  const out = files.pages;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const write = (path: string, data: unknown) => {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), JSON.stringify(data));
  };

  // Counts and sums, part by part.
  const total = { reports: 0, agencies: 0, failing: 0, doubtful: 0, undecided: 0 };
  const levels: Partial<Record<Level, number>> = {};
  const latest = new Top<Summary>(LATEST, latestOrder);
  const filters: Record<string, Set<string>> = {};
  const provinces = new Set<string>();
  const quality: Record<string, number> = {};
  const years = new Map<
    number,
    { stats: YearPart['stats']; failing: Top<YearPart['failingNamed'][number]>; ranked: Top<YearPart['timelinessRanked'][number]> }
  >();
  for (const part of parts) {
    const s = readGenerated<StatsPart>(join(part, partFiles.stats));
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += s[k];
    for (const [level, n] of Object.entries(s.levels)) levels[level as Level] = (levels[level as Level] ?? 0) + n;
    for (const x of s.latest) latest.add(x);
    for (const [name, values] of Object.entries(s.filters)) for (const v of values) (filters[name] ??= new Set()).add(v);
    for (const p of s.provinces) provinces.add(p);
    for (const [key, n] of Object.entries(s.quality)) quality[key] = (quality[key] ?? 0) + n;
    for (const [y, part] of Object.entries(s.years)) {
      let year = years.get(Number(y));
      if (!year)
        years.set(
          Number(y),
          (year = { stats: emptyYear(), failing: new Top(FAILING_NAMED, nameOrder), ranked: new Top(PAGE_ROWS, (a, b) => a.days - b.days || nameOrder(a, b)) }),
        );
      addYear(year.stats, part.stats);
      for (const f of part.failingNamed) year.failing.add(f);
      for (const r of part.timelinessRanked) year.ranked.add(r);
    }
  }
  const corpusYears = [...years.keys()].sort((a, b) => b - a);
  const coverageYears = portalYears(corpusYears);
  for (const [year, y] of years)
    write(pageFiles.year(year), { year, stats: y.stats, failingNamed: y.failing.items, timelinessRanked: y.ranked.items } satisfies YearData);

  // Agencies agencies.csv lists without a report in any part (each part lists those it has none of).
  const listedIn = new Map<string, { row: AgencyRow; parts: number }>();
  for (const part of parts)
    for await (const row of readArray<AgencyRow>(join(part, partFiles.listed))) {
      const seen = listedIn.get(row.id);
      listedIn.set(row.id, { row, parts: (seen?.parts ?? 0) + 1 });
    }
  const listed = [...listedIn.values()]
    .filter((l) => l.parts === parts.length)
    .map((l) => l.row)
    .sort(regionOrder);

  // The agency list, and the compare page's picker.
  const agencyList = new PagedList<AgencyRow>(out, lists.agencies);
  const picker = new ArrayWriter<PickerAgency>(join(out, pageFiles.picker));
  for await (const a of mergeSorted(sources<AgencyRow>(parts, partFiles.agencies), agencyOrder)) {
    agencyList.add(a);
    picker.add({ id: a.id, name: a.name, meta: `${LEVEL_LABELS[a.level]}${a.region ? `，${a.region}` : ''}` });
  }
  picker.close();

  // Each region's own agencies (listed ones included), the search page's agency names, and coverage.csv.
  const direct = new Map<string, number>();
  const listedAt = new Map<string, number>();
  const named: { id: string; name: string; province?: string }[] = [];
  const coverage = new FileWriter(files.coverageCsv);
  coverage.write(`\uFEFF${csvLine(COVERAGE_COLUMNS.map((c) => c.key))}`);
  const byRegion = mergeSorted([...sources<AgencyRow>(parts, partFiles.byRegion), { name: 'agencies.csv', items: listed.values() }], regionOrder);
  let list: { place: string; rows: PagedList<AgencyRow> } | undefined;
  for await (const a of byRegion) {
    if (list?.place !== a.place) {
      if (list) direct.set(list.place, list.rows.close());
      list = { place: a.place, rows: new PagedList<AgencyRow>(out, lists.region(a.place)) };
    }
    list.rows.add(a);
    const path = regionPath(a.region);
    if (a.listed) for (const code of a.place === 'none' ? ['none'] : path.map((d) => d.code)) listedAt.set(code, (listedAt.get(code) ?? 0) + 1);
    const reportOf = new Map(a.years.map((y, i) => [y, a.reports[i]!]));
    const at = (level: Division['level']) => path.find((d) => d.level === level)?.name ?? '';
    for (const year of expectedYears(coverageYears, a))
      coverage.write(
        `\r\n${csvLine([at('province'), at('city'), at('county'), a.region ?? '', a.id, a.name, a.level, a.listed === true, year, reportOf.get(year) ?? ''])}`,
      );
    if (a.listed) continue; // no page to find
    named.push({ id: a.id, name: a.name, ...(path[0] && { province: path[0].name }) });
  }
  if (list) direct.set(list.place, list.rows.close());
  coverage.close();
  const names = writeNameFiles(named, (part, entries) => write(pageFiles.names(part), entries));

  // Each region's stats (an agency counts in every division it lies in), and the index of regions.
  const index: Omit<RegionEntry, 'stats'>[] = [];
  const regionFile = (code: string, stats: AreaStats) => {
    stats.listed = listedAt.get(code) ?? 0;
    const entry = regionEntry(code, stats, direct.get(code) ?? 0);
    write(`regions/${code}.json`, entry);
    const { stats: _, ...rest } = entry;
    index.push(rest);
  };
  const regionStats = mergeSorted(sources<{ code: string; stats: AreaStats }>(parts, partFiles.regions), (a, b) => byCode(a.code, b.code));
  const seen = new Set<string>();
  let region: { code: string; stats: AreaStats } | undefined;
  for await (const r of regionStats) {
    if (region?.code !== r.code) {
      if (region) regionFile(region.code, region.stats);
      region = { code: r.code, stats: emptyStats() };
      seen.add(r.code);
    }
    addStats(region.stats, r.stats);
  }
  if (region) regionFile(region.code, region.stats);
  // Regions that only agencies.csv's agencies without reports are in.
  for (const code of [...listedAt.keys()].filter((c) => !seen.has(c)).sort(byCode)) regionFile(code, { ...emptyStats(), agencies: 0 });
  write(
    pageFiles.regions,
    index.sort((a, b) => byCode(a.code, b.code)),
  );

  // Each year's ranking, and the quality list.
  const rows: Record<string, number> = { [lists.agencies]: agencyList.close() };
  for (const year of corpusYears) {
    const ranking = new PagedList<Summary>(out, lists.ranking(year));
    for await (const s of mergeSorted(sources<Summary>(parts, partFiles.ranking(year)), rankingOrder)) ranking.add(s);
    rows[lists.ranking(year)] = ranking.close();
  }
  const qualityList = new PagedList<QualityRow>(out, lists.quality);
  for await (const r of mergeSorted(sources<QualityRow>(parts, partFiles.quality), qualityOrder)) qualityList.add(r);
  rows[lists.quality] = qualityList.close();
  for (const [place, n] of direct) rows[lists.region(place)] = n;

  // Feeds: each scope's newest items of each kind.
  const feedRegions: string[] = [];
  let feed: { scope: string; data: FeedData } | undefined;
  const closeFeed = () => {
    if (!feed) return;
    write(pageFiles.feed(feed.scope || null), feed.data);
    if (feed.scope) feedRegions.push(feed.scope);
  };
  for await (const e of mergeSorted(sources<FeedEntry>(parts, partFiles.feeds), feedOrder)) {
    if (feed?.scope !== e.scope) {
      closeFeed();
      feed = { scope: e.scope, data: { reports: [], checks: [], revisions: [] } };
    }
    const { data } = feed;
    if (e.kind === 'reports' && data.reports.length < FEED_ITEMS) data.reports.push(e.summary);
    if (e.kind === 'checks' && data.checks.length < FEED_ITEMS) data.checks.push({ summary: e.summary, failed: e.failed ?? [] });
    if (e.kind === 'revisions' && data.revisions.length < FEED_ITEMS) data.revisions.push({ summary: e.summary, revision: e.revision! });
  }
  closeFeed();

  write(pageFiles.site, {
    ...total,
    listed: listed.length,
    years: corpusYears,
    coverageYears,
    levels,
    latest: latest.items,
    filters: Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, [...values].sort(byCode)])),
    provinces: [...provinces].sort(byCode),
    quality: { counts: quality, rules: [...new Set(Object.keys(quality).map((k) => k.split(' ')[0]!))].sort(byRule) },
    lists: rows,
    names,
    feedRegions,
  } satisfies SiteData);
}
