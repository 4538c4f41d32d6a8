// The generated data the pages read (model/generated.ts says where). Read, sorted and indexed once per
// build: a build renders tens of thousands of pages in one process, and a page that filtered or sorted
// the whole corpus itself would make the build quadratic. Report JSON is read only by the pages that show it.
// The pages that span the corpus read only the page data (model/page-data.ts): counts, sums and the one
// page of a list they show, never every summary, so the hub of a national build stays small; in a hub build
// reading the corpus itself is an error.
import { readFileSync } from 'node:fs';
import { agency, buildInfo, type Agency, type BuildInfo } from '../../model/corpus.ts';
import { generatedFiles } from '../../model/generated.ts';
import { bundleList, bundleSize, indexBundles, searchBundleList, type SearchBundle } from '../../model/search-bundles.ts';
import { astroBuild } from './astro-build.ts';
import { SCHEMA_VERSION, type ApplicantRow, type Report, type ReviewBlock } from '../../model/report.ts';
import { summary, type Summary } from '../../model/summary.ts';
import { ALL_ROWS, pageFiles, pagesOf, type FeedData, type RegionEntry, type SiteData, type YearData } from '../../model/page-data.ts';
import type { Note } from '../../model/notes.ts';
import type { Revision } from '../../model/revisions.ts';
import { REVIEW_BLOCKS } from '../../model/templates.ts';
import { isMissing, readGenerated } from '../../model/generated-file.ts';
import { applicationRowPaths, REVIEW_PATHS, reviewBlockPaths, splitPath, tableOfPath } from '../../model/cell-paths.ts';
import type { AnyEntry } from '../search/agency-names.ts';

const files = generatedFiles(astroBuild.generated);

/**
 * A file of every report, read only by the pages of a shard (or of a one-go build): the hub's pages read
 * the page data instead, so a national hub never holds the corpus. Returns false, for `||`.
 */
function shardData(file: string): false {
  if (PAGES === 'hub')
    throw new Error(`A page of the hub read ${file}, a file of every report: pages spanning the corpus read the page data (model/page-data.ts).`);
  return false;
}
const once = <T>(load: () => T) => {
  let value: T | undefined;
  return () => (value ??= load());
};

// One collator for every comparison: `a.localeCompare(b, 'zh-CN')` builds a new one per call.
const collator = new Intl.Collator('zh-CN');
/** Chinese dictionary order, for sorting names. */
export const byChinese = (a: string, b: string) => collator.compare(a, b);

export interface Corpus {
  /** Every report's summary, newest year first, then by agency name. */
  reports: Summary[];
  /** Distinct years present, newest first. */
  years: number[];
  /** Each agency's reports, newest first. */
  byAgency: Map<string, Summary[]>;
  /** Each year's reports, by agency name. */
  byYear: Map<number, Summary[]>;
}

const group = <K>(list: Summary[], key: (s: Summary) => K) => {
  const groups = new Map<K, Summary[]>();
  for (const s of list) {
    const k = key(s);
    const into = groups.get(k);
    if (into) into.push(s);
    else groups.set(k, [s]);
  }
  return groups;
};

/**
 * Read from reports.json as it is, not through an Astro content collection: a collection keeps a second
 * copy of every summary and serialises it into its data store, which the hub of a national build (every
 * report's summary) cannot afford.
 */
export const corpus = once(async (): Promise<Corpus> => {
  shardData('reports.json');
  const reports = readGenerated(files.summaries, summary.array()).sort((a, b) => b.year - a.year || byChinese(a.agency, b.agency));
  const byYear = group(reports, (s) => s.year);
  return { reports, years: [...byYear.keys()], byAgency: group(reports, (s) => s.agencyId), byYear };
});

/** Every agency, by name. */
export const agencies = once(
  (): Agency[] => shardData('agencies.json') || readGenerated(files.agencies, agency.array()).sort((a, b) => byChinese(a.name, b.name)),
);

export const build = once((): BuildInfo => readGenerated(files.build, buildInfo));

/** Every report's findings (model/notes.ts), by report id. */
export const notesByReport = once((): Map<string, Note[]> => shardData('notes.json') || Map.groupBy(readGenerated<Note[]>(files.notes), (n) => n.report));

/**
 * Which pages this Astro build renders (src/data/astro-build.ts): every page (one build), only
 * the pages of one shard's reports and agencies (`shard`: report, 原文, agency pages, each agency's compare
 * data and feeds), or only the pages that span shards (`hub`): home, lists, years, quality, search, the
 * portal's and regions' feeds. Dynamic routes pass their paths through one of these two.
 */
const PAGES = astroBuild.pages;
if (!['all', 'shard', 'hub'].includes(PAGES)) throw new Error(`The pages to render are ${JSON.stringify(PAGES)}: use all, shard or hub.`);
/** Paths of pages that belong to a shard: rendered by one build and by shard builds, not by the hub (which never lists them). */
export const shardPages = async <T>(paths: () => T[] | Promise<T[]>): Promise<T[]> => (PAGES === 'hub' ? [] : paths());
/** Paths of pages that span shards: rendered by one build and by the hub, not by shard builds. */
export const hubPages = <T>(paths: T[]): T[] => (PAGES === 'shard' ? [] : paths);

/** The search page's Pagefind bundles, newest first: the hub's list of its shards' bundles when it wrote one, else one per year. */
export const searchBundles = once(async (): Promise<SearchBundle[]> => {
  try {
    return readGenerated(files.searchBundles, searchBundleList);
  } catch (error) {
    if (!isMissing(error)) throw error;
    return bundleList(indexBundles((await corpus()).reports, astroBuild.bundlePages).map(bundleSize));
  }
});

/** The reports read last, newest last: a report's page and its 原文 page, rendered side by side, parse its file once. */
const recentReports = new Map<string, Report>();
/** More than the pages Astro renders at once (astro.config.mjs, build.concurrency). */
const RECENT_REPORTS = 16;

/**
 * One report's full data, shared by the pages that show it: never changed by them. Not validated again:
 * the parser validated it against the same schema when it wrote the file, and doing it twice per page
 * cost 2.5 s of a 10,000-report build. A folder written for another version of the schema is refused.
 */
export function readReport(id: string): Report {
  const recent = recentReports.get(id);
  if (recent) return recent;
  const data = readGenerated<Report>(files.report(id));
  if (data.schemaVersion !== SCHEMA_VERSION) {
    throw new Error(
      `${files.report(id)} has schemaVersion ${data.schemaVersion}, not ${SCHEMA_VERSION}: run \`npm run build\` to write the generated data again.`,
    );
  }
  recentReports.set(id, data);
  if (recentReports.size > RECENT_REPORTS) recentReports.delete(recentReports.keys().next().value!);
  return data;
}

/** Table 三 row 一 and the three table 四 blocks: what the compare page charts besides a report's summary. */
export interface DisputeCells {
  received: ApplicantRow | null;
  review: ReviewBlock;
  litigationDirect: ReviewBlock;
  litigationAfterReview: ReviewBlock;
  /** Those of their cells nianbao could not tell (written `?` in the bulk table: scripts/stage/columns.ts). */
  unknown: string[];
}

/**
 * Those cells of every report, from the data stage's bulk table (downloads/reports.json: a row per report,
 * a column per dotted cell path), read once, instead of every report's own file a second time.
 */
export const disputeCells = once((): Map<string, DisputeCells> => {
  shardData('downloads/reports.json');
  const { columns, rows } = readGenerated<{ columns: string[]; rows: unknown[][] }>(`${files.downloads}/reports.json`);
  const at = new Map(columns.map((c, i) => [c, i]));
  const cellAt = (row: unknown[], path: string) => row[at.get(path) ?? -1] as number | string | null | undefined;
  /** The cells at `paths` as an object by column key (a number, else null). */
  const cellsAt = (row: unknown[], paths: string[]) =>
    Object.fromEntries(paths.map((p) => [splitPath(p).column, typeof cellAt(row, p) === 'number' ? cellAt(row, p) : null]));
  const receivedPaths = applicationRowPaths('received');
  const paths = [...receivedPaths, ...REVIEW_PATHS];
  const id = at.get('id')!;
  return new Map(
    rows.map((row) => {
      const received = cellsAt(row, receivedPaths) as unknown as ApplicantRow;
      const blocks = REVIEW_BLOCKS.map((b) => [b.key, cellsAt(row, reviewBlockPaths(b.key))]);
      const cells = Object.fromEntries(blocks) as unknown as Omit<DisputeCells, 'received' | 'unknown'>;
      const unknown = paths.filter((p) => cellAt(row, p) === '?');
      const anyReceived = Object.values(received).some((v) => v !== null) || unknown.some((p) => tableOfPath(p) === 'applications');
      return [row[id] as string, { received: anyReceived ? received : null, ...cells, unknown }];
    }),
  );
});

/** One row of the data dictionary (scripts/stage/columns.ts writes it). */
export interface DictionaryEntry {
  key: string;
  label: string;
  meaning?: string;
  /** "2019", "2021", "2019,2021"; empty for report metadata, which every report has. */
  templates?: string;
  unit?: string;
}

/** The data dictionary the data stage publishes (every cell key with its Chinese label), if it wrote one. */
export const dictionary = once((): DictionaryEntry[] => {
  try {
    const entries = readGenerated<unknown>(`${files.downloads}/dictionary.json`);
    return Array.isArray(entries) ? entries.filter((e): e is DictionaryEntry => typeof e?.key === 'string') : [];
  } catch {
    return [];
  }
});

/** A resource of the data package (scripts/stage/data-package.ts writes datapackage.json). */
export interface DataResource {
  name: string;
  path: string | string[];
  title: string;
  description: string;
  format: string;
  mediatype: string;
  schema?: { fields: { name: string; title: string; description: string; type: string }[] };
}

/** The data package the data stage published, if it wrote one. */
export const dataPackage = once((): { resources: DataResource[] } | null => {
  try {
    return readGenerated<{ resources: DataResource[] }>(`${files.downloads}/datapackage.json`);
  } catch {
    return null;
  }
});

/** Every report's revisions (model/revisions.ts), by report id, oldest first; none when the data stage wrote no file. */
export const revisionsByReport = once((): Map<string, Revision[]> => {
  shardData('revisions.json');
  try {
    return Map.groupBy(readGenerated<Revision[]>(files.revisions), (r) => r.report);
  } catch (error) {
    if (!isMissing(error)) throw error;
    return new Map();
  }
});

/**
 * Addresses that moved when the identity rules merged or placed agencies (scripts/stage/agency-identity.ts):
 * each former agency and report id with the current one. Their old pages redirect (a static page that sends
 * the reader on), so links to them keep working.
 */
export const movedIds = once(() => {
  const agencyMoves = new Map<string, string>();
  const reportMoves = new Map<string, string>();
  for (const a of agencies()) {
    for (const id of a.formerIds ?? []) if (!agencyMoves.has(id)) agencyMoves.set(id, a.id);
    for (const [from, to] of Object.entries(a.formerReports ?? {})) if (!reportMoves.has(from)) reportMoves.set(from, to);
  }
  // An id still in use is never a redirect.
  for (const a of agencies()) agencyMoves.delete(a.id);
  for (const id of agencies().flatMap((a) => a.reports)) reportMoves.delete(id);
  return { agencies: agencyMoves, reports: reportMoves };
});

const pageData = <T>(path: string): T => readGenerated<T>(`${files.pages}/${path}`);

/** What the home, search, data and quality pages count. */
export const site = once((): SiteData => pageData(pageFiles.site));
export const yearData = (year: number): YearData => pageData(pageFiles.year(year));
/** The rows of a long list, and its page `n` (from 1). */
export const listRows = (list: string) => site().lists[list] ?? 0;
export const listPage = <T>(list: string, n: number): T[] => pageData(pageFiles.list(list, n));
/** Every row of a list short enough to go to the browser whole (ALL_ROWS), else null. */
export function allRows<T>(list: string): T[] | null {
  const rows = listRows(list);
  if (rows > ALL_ROWS) return null;
  return Array.from({ length: pagesOf(rows) }, (_, i) => listPage<T>(list, i + 1)).flat();
}
/** Every region with a page (without its stats), by code. */
export const regionIndex = once((): Omit<RegionEntry, 'stats'>[] => pageData(pageFiles.regions));
export const regionData = (code: string): RegionEntry => pageData(`regions/${code}.json`);
export const feedData = (scope: string | null): FeedData => pageData(pageFiles.feed(scope));
/** One of the search page's agency-name files (src/search/agency-names.ts). */
export const agencyNames = (part: string): AnyEntry[] => pageData(pageFiles.names(part));
/** The compare page's picker, as it is served. */
export const pickerText = () => readFileSync(`${files.pages}/${pageFiles.picker}`, 'utf8');
