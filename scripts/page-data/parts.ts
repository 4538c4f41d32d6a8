// What one data stage contributes to the pages that span the corpus (`<generated>/parts/`): its lists, each
// sorted in its page's order (orders.ts), and its counts and sums. A data stage holds its reports' summaries
// anyway, so it sorts in memory; the hub of a build in shards then merges its shards' parts without ever
// holding them (page-data.ts), and a one-go build merges its one part the same way: both write the same
// page data for the same corpus.
import { join } from 'node:path';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Agency } from '../../model/corpus.ts';
import {
  emptyYear,
  FEED_ITEMS,
  FAILING_NAMED,
  LATEST,
  PAGE_ROWS,
  type AgencyRow,
  type AreaStats,
  type AreaYear,
  type QualityRow,
  type SiteData,
} from '../../model/page-data.ts';
import { noteStatus, type Note } from '../../model/notes.ts';
import type { Level } from '../../model/report.ts';
import { regionPath, provinceOf } from '../../model/region.ts';
import type { Revision } from '../../model/revisions.ts';
import type { Summary } from '../../model/summary.ts';
import { timeliness } from '../../model/timeliness.ts';
import { FILTER_NAMES, searchFilters } from '../../src/search/search-filters.ts';
import { unplacedReason } from '../stage/agency-identity.ts';
import { writeArray } from '../stage/json-array.ts';
import { addReport, emptyStats } from './area-stats.ts';
import { agencyOrder, byCode, latestOrder, nameOrder, newestOrder, qualityOrder, rankingOrder, regionOrder, revisionOrder, Top } from './orders.ts';

/** An agency content/agencies.csv lists, as the identity rules place it. */
export interface ListedAgency {
  id: string;
  name: string;
  level: Level;
  region: string | null;
}

/** A year of the corpus as one part counts it. */
export interface YearPart {
  stats: AreaYear;
  failingNamed: { id: string; agency: string }[];
  timelinessRanked: { id: string; agency: string; published: string; deadline: string; days: number }[];
}

/** A part's counts (parts/stats.json), in the site data's own fields (model/page-data.ts); the page data adds them up. */
export interface StatsPart extends Pick<
  SiteData,
  'reports' | 'agencies' | 'levels' | 'failing' | 'doubtful' | 'undecided' | 'latest' | 'filters' | 'provinces'
> {
  /** Findings by `${rule} ${status}` (SiteData's quality.counts). */
  quality: SiteData['quality']['counts'];
  years: Record<string, YearPart>;
}

/** One item of a feed, with its scope (null: the portal's; else a region). */
export interface FeedEntry {
  scope: string;
  kind: 'reports' | 'checks' | 'revisions';
  summary: Summary;
  failed?: Pick<Note, 'rule' | 'message'>[];
  revision?: Revision;
}

export const partFiles = {
  stats: 'stats.json',
  agencies: 'agencies.json',
  byRegion: 'by-region.json',
  /** Agency ids in code order: the hub checks no agency is in two shards. */
  ids: 'ids.json',
  listed: 'listed.json',
  regions: 'regions.json',
  quality: 'quality.json',
  feeds: 'feeds.json',
  ranking: (year: number) => `ranking-${year}.json`,
} as const;

/** The place an agency's region puts it in: the deepest division it names, or `none` with why. */
function placeOf(name: string, region: string | null): { place: string; codes: string[]; unplaced?: string } {
  const path = regionPath(region);
  if (path.length > 0) return { place: path.at(-1)!.code, codes: path.map((d) => d.code) };
  return {
    place: 'none',
    codes: ['none'],
    unplaced: region ? `地区“${region}”不在全国行政区划中（地区须从省级写起）` : unplacedReason(name),
  };
}

/** Feeds: the portal's and each region's, by the scope's name ('' is the portal's, first). */
export const feedOrder = (a: FeedEntry, b: FeedEntry) =>
  byCode(a.scope, b.scope) ||
  byCode(a.kind, b.kind) ||
  (a.kind === 'revisions'
    ? revisionOrder({ summary: a.summary, revision: a.revision! }, { summary: b.summary, revision: b.revision! })
    : newestOrder(a.summary, b.summary));

export interface PartsInput {
  /** In corpus order. */
  summaries: Summary[];
  agencies: Agency[];
  /** Every report's findings. */
  notes: Note[];
  revisions: Revision[];
  /** The agencies agencies.csv lists. */
  listed: ListedAgency[];
}

export function writeParts(dir: string, { summaries, agencies, notes, revisions, listed }: PartsInput): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const notesOf = Map.groupBy(notes, (n) => n.report);

  // Agencies, as the lists show them.
  const rows: (AgencyRow & { codes: string[] })[] = agencies.map((a) => {
    const own = a.reports.map((id) => byId.get(id)!);
    const total = (key: 'failed' | 'checked' | 'undecided') => own.reduce((n, s) => n + s[key], 0);
    const { place, codes, unplaced } = placeOf(a.name, a.region);
    return {
      id: a.id,
      name: a.name,
      level: a.level,
      region: a.region,
      years: a.years,
      reports: a.reports,
      latest: own.at(-1) ?? null,
      failed: total('failed'),
      checked: total('checked'),
      undecided: total('undecided'),
      place,
      ...(unplaced && { unplaced }),
      codes,
    };
  });
  const strip = ({ codes: _, ...row }: AgencyRow & { codes: string[] }): AgencyRow => row;
  writeArray(file(partFiles.agencies), rows.map(strip).sort(agencyOrder));
  writeArray(file(partFiles.byRegion), rows.map(strip).sort(regionOrder));
  writeArray(file(partFiles.ids), rows.map((r) => r.id).sort(byCode));
  const here = new Set(rows.map((r) => r.id));
  writeArray(
    file(partFiles.listed),
    listed
      .filter((l) => !here.has(l.id))
      .map((l): AgencyRow => {
        const { place, unplaced } = placeOf(l.name, l.region);
        return { ...l, years: [], reports: [], latest: null, failed: 0, checked: 0, undecided: 0, listed: true, place, ...(unplaced && { unplaced }) };
      })
      .sort(regionOrder),
  );

  // Each region's agencies and reports: an agency counts in every division it lies in.
  const regions = new Map<string, AreaStats>();
  for (const row of rows)
    for (const code of row.codes) {
      let stats = regions.get(code);
      if (!stats) regions.set(code, (stats = emptyStats()));
      stats.agencies++;
      for (const id of row.reports) {
        const s = byId.get(id)!;
        addReport((stats.years[s.year] ??= emptyYear()), s);
      }
    }
  writeArray(
    file(partFiles.regions),
    [...regions].sort(([a], [b]) => byCode(a, b)).map(([code, stats]) => ({ code, stats })),
  );

  // Each year's ranking, and what its page counts.
  const years: Record<string, YearPart> = {};
  for (const [year, list] of Map.groupBy(summaries, (s) => s.year)) {
    writeArray(file(partFiles.ranking(year)), [...list].sort(rankingOrder));
    const stats = emptyYear();
    const failing = new Top<{ id: string; agency: string }>(FAILING_NAMED, nameOrder);
    const ranked = new Top<YearPart['timelinessRanked'][number]>(PAGE_ROWS, (a, b) => a.days - b.days || nameOrder(a, b));
    for (const s of list) {
      addReport(stats, s);
      if (s.failed > 0) failing.add({ id: s.id, agency: s.agency });
      const t = timeliness(s);
      if (t.status === 'on-time' || t.status === 'late')
        ranked.add({ id: s.id, agency: s.agency, published: t.published, deadline: t.deadline, days: t.status === 'late' ? t.days : -t.days });
    }
    years[year] = { stats, failingNamed: failing.items, timelinessRanked: ranked.items };
  }

  // The quality list.
  const quality: QualityRow[] = summaries.flatMap((s) =>
    (notesOf.get(s.id) ?? []).map((n) => ({
      rule: n.rule,
      status: noteStatus(n),
      year: s.year,
      agency: s.agency,
      report: s.id,
      anchor: n.anchor,
      message: n.message,
    })),
  );
  writeArray(file(partFiles.quality), [...quality].sort(qualityOrder));
  const qualityCounts: Record<string, number> = {};
  for (const r of quality) qualityCounts[`${r.rule} ${r.status}`] = (qualityCounts[`${r.rule} ${r.status}`] ?? 0) + 1;

  // Feeds: the portal's and each region's newest items of each kind.
  const feeds = new Map<string, Top<FeedEntry>>();
  const feed = (e: FeedEntry) => {
    const key = `${e.scope}\n${e.kind}`;
    let top = feeds.get(key);
    if (!top) feeds.set(key, (top = new Top(FEED_ITEMS, feedOrder)));
    top.add(e);
  };
  const revisionsOf = Map.groupBy(revisions, (r) => r.report);
  for (const s of summaries) {
    const scopes = ['', ...(s.region ? [s.region] : [])];
    const failed = (notesOf.get(s.id) ?? []).filter((n) => n.result === 'fail').map((n) => ({ rule: n.rule, message: n.message }));
    for (const scope of scopes) {
      feed({ scope, kind: 'reports', summary: s });
      if (s.failed > 0) feed({ scope, kind: 'checks', summary: s, failed });
      for (const revision of revisionsOf.get(s.id) ?? []) feed({ scope, kind: 'revisions', summary: s, revision });
    }
  }
  writeArray(file(partFiles.feeds), [...feeds.values()].flatMap((t) => t.items).sort(feedOrder));

  // Counts for the home, search, data and quality pages.
  const latest = new Top<Summary>(LATEST, latestOrder);
  for (const s of summaries) latest.add(s);
  const levels: StatsPart['levels'] = {};
  for (const a of agencies) levels[a.level] = (levels[a.level] ?? 0) + 1;
  const filters = Object.fromEntries(
    FILTER_NAMES.map((name) => [
      name,
      [
        ...new Set(
          summaries.flatMap((s) =>
            searchFilters(s)
              .filter(([n]) => n === name)
              .map(([, v]) => v),
          ),
        ),
      ].sort(byCode),
    ]),
  );
  const stats: StatsPart = {
    reports: summaries.length,
    agencies: agencies.length,
    levels,
    failing: summaries.filter((s) => s.failed > 0).length,
    doubtful: summaries.filter((s) => (notesOf.get(s.id) ?? []).some((n) => noteStatus(n) === 'warning')).length,
    undecided: summaries.filter((s) => s.undecided > 0).length,
    latest: latest.items,
    filters,
    provinces: [...new Set(summaries.map((s) => provinceOf(s.region)).filter((p): p is string => p !== null))].sort(byCode),
    quality: qualityCounts,
    years,
  };
  writeFileSync(file(partFiles.stats), JSON.stringify(stats));
}
