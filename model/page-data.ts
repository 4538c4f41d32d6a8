// The data of the pages that span the corpus (home, lists, years, regions, quality, search, feeds), as the
// data stage and the hub of a build in shards write it into `<generated>/pages/` (scripts/page-data/):
// counts and sums, the first rows of rankings, and every long list cut into pages of PAGE_ROWS rows, so
// that a page reads only what it shows and no build holds every summary at once.
import { FIGURE_KEYS, type FigureKey, type Summary } from './summary.ts';
import type { Level } from './report.ts';
import type { Note } from './notes.ts';
import type { Revision } from './revisions.ts';
import type { DeadlineRule, Timeliness } from './timeliness.ts';

/** Rows on one page of a long list (agencies, a year's ranking, check results, a region's agencies). */
export const PAGE_ROWS = 100;
/**
 * A list of at most this many rows also goes to the browser whole (its rows.json), for filters and sorting
 * over every row; a longer one is browsed page by page and by region.
 */
export const ALL_ROWS = 5000;
/** Reports a year page names among those failing their own checks (the rest are counted). */
export const FAILING_NAMED = 50;
/** Items per feed: the newest. */
export const FEED_ITEMS = 50;
/** The newest reports on the home page. */
export const LATEST = 10;

/** A figure summed over reports, in three states: the sum of the numbers, and how many were blank, could not be told, or were contradicted by their own report (summed as printed). */
export interface FigureTotal {
  sum: number;
  blank: number;
  unknown: number;
  failed: number;
}

export type TimelinessCounts = Record<Timeliness['status'], number>;

/** The reports of an area (the country, a region) in one year. */
export interface AreaYear {
  reports: number;
  totals: Record<FigureKey, FigureTotal>;
  /** Reports failing a check; with no failed check but an undecided one; whose tables could not be checked. */
  failing: number;
  undecided: number;
  unchecked: number;
  /** The overall disclosure rate's terms, over the reports giving all three figures uncontradicted. */
  rated: { reports: number; granted: number; decided: number };
  /** How many reports received 0, 1–9, 10–99, 100–999, 1000+ applications (RECEIVED_BUCKETS). */
  receivedBuckets: number[];
  /** Per 第四十九条 rule (`none`: no deadline applies). */
  timeliness: Record<DeadlineRule | 'none', TimelinessCounts>;
}

export const RECEIVED_BUCKETS: [label: string, from: number, to: number][] = [
  ['0 件', 0, 0],
  ['1–9 件', 1, 9],
  ['10–99 件', 10, 99],
  ['100–999 件', 100, 999],
  ['1000 件以上', 1000, Infinity],
];

const counts = (): TimelinessCounts => ({ 'on-time': 0, late: 0, 'no-date': 0, 'no-deadline': 0 });

/** A year with no report in it. */
export const emptyYear = (): AreaYear => ({
  reports: 0,
  totals: Object.fromEntries(FIGURE_KEYS.map((k) => [k, { sum: 0, blank: 0, unknown: 0, failed: 0 }])) as AreaYear['totals'],
  failing: 0,
  undecided: 0,
  unchecked: 0,
  rated: { reports: 0, granted: 0, decided: 0 },
  receivedBuckets: RECEIVED_BUCKETS.map(() => 0),
  timeliness: { department: counts(), government: counts(), none: counts() },
});

/** An area over the years: its agencies (with a report, and listed in agencies.csv without one) and each year's reports. */
export interface AreaStats {
  agencies: number;
  listed: number;
  years: Record<string, AreaYear>;
}

/** One agency as the lists show it. */
export interface AgencyRow {
  id: string;
  name: string;
  level: Level;
  region: string | null;
  /** Years and report ids of its reports, oldest first (empty for an agency agencies.csv lists without a report). */
  years: number[];
  reports: string[];
  /** Its newest report. */
  latest: Summary | null;
  /** Checks over all its reports. */
  failed: number;
  checked: number;
  undecided: number;
  /** Listed in agencies.csv with no report in the portal: it has no page of its own. */
  listed?: boolean;
  /** The code of the deepest division it lies in (model/region.ts), or `none`. */
  place: string;
  /** For an agency in no division: why (its name is not unique in China, it names no place …). */
  unplaced?: string;
}

export type QualityStatus = 'failed' | 'warning' | 'undecided' | 'unknown' | 'note';

/** One finding as the quality list shows it. */
export interface QualityRow {
  rule: string;
  status: QualityStatus;
  year: number;
  agency: string;
  report: string;
  /** Where it stands on its report page. */
  anchor: string;
  message: string;
}

/** A region with a page: a province, city or county, or `none` (未定地区). */
export interface RegionEntry {
  code: string;
  name: string;
  /** Its full name ("江苏省淮安市"); empty for `none`. */
  region: string;
  level: 'province' | 'city' | 'county' | 'none';
  /** The code of the region above it (null for a province and for `none`). */
  parent: string | null;
  /** Agencies listed on its own pages (those in no division below it). */
  direct: number;
  stats: AreaStats;
}

/** What the home, search, data and quality pages count (pages/site.json). */
export interface SiteData {
  reports: number;
  /** Agencies with a report; agencies.csv's without one. */
  agencies: number;
  listed: number;
  /** Years with reports, newest first. */
  years: number[];
  /** The years every agency is expected to have a report for (model/coverage.ts portalYears), newest first. */
  coverageYears: number[];
  levels: Partial<Record<Level, number>>;
  /** Reports failing a check, with a contradiction (R13, R8: 疑点), with an undecided check. */
  failing: number;
  doubtful: number;
  undecided: number;
  latest: Summary[];
  /** The search page's filter values (src/search/search-filters.ts), sorted. */
  filters: Record<string, string[]>;
  /** Provinces of the reports' regions, by name. */
  provinces: string[];
  /** Findings by `${rule} ${status}`; rules in order. */
  quality: { counts: Record<string, number>; rules: string[] };
  /** Rows in each long list. */
  lists: Record<string, number>;
  /** The agency-name files of the search page: each kind's agencies per file (NameSizes, src/search/agency-names.ts). */
  names: Record<string, number[]>;
  /** Regions with feeds (their full names). */
  feedRegions: string[];
}

/** What a year page shows besides its ranking (pages/years/<year>.json). */
export interface YearData {
  year: number;
  stats: AreaYear;
  /** The first FAILING_NAMED reports failing their own checks, by agency name. */
  failingNamed: { id: string; agency: string }[];
  /** Dated reports with a deadline, earliest against it first (days before it negative): the first PAGE_ROWS. */
  timelinessRanked: { id: string; agency: string; published: string; deadline: string; days: number }[];
}

/** A feed's newest items (pages/feeds/…). */
export interface FeedData {
  reports: Summary[];
  checks: { summary: Summary; failed: Pick<Note, 'rule' | 'message'>[] }[];
  revisions: { summary: Summary; revision: Revision }[];
}

/** Where each piece is, under `<generated>/pages/`. */
export const pageFiles = {
  site: 'site.json',
  regions: 'regions.json',
  year: (year: number) => `years/${year}.json`,
  list: (list: string, page: number) => `lists/${list}/${page}.json`,
  feed: (scope: string | null) => (scope === null ? 'feeds/portal.json' : `feeds/regions/${encodeURIComponent(scope)}.json`),
  names: (part: string) => `names/${part}.json`,
  /** The compare page's picker, as it is served (PickerAgency[]). */
  picker: 'compare-agencies.json',
} as const;

/** The long lists. */
export const lists = {
  agencies: 'agencies',
  quality: 'quality',
  ranking: (year: number) => `ranking-${year}`,
  region: (code: string) => `region-${code}`,
} as const;

/** Pages of a list of `rows` rows (at least one, so an empty list still has its first page). */
export const pagesOf = (rows: number) => Math.max(1, Math.ceil(rows / PAGE_ROWS));
