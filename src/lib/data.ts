// The generated data the pages read (src/model/corpus.ts says where). Read, sorted and indexed once per
// build: a build renders tens of thousands of pages in one process, and a page that filtered or sorted
// the whole corpus itself would make the build quadratic. Report JSON is read only by the pages that show it.
import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { files, agency, buildInfo, type Agency, type BuildInfo } from '../model/corpus.ts';
import { report, type Report } from '../model/report.ts';
import type { Summary } from '../model/summary.ts';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
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

export const corpus = once(async (): Promise<Corpus> => {
  const reports = (await getCollection('reports'))
    .map((e) => e.data)
    .sort((a, b) => b.year - a.year || byChinese(a.agency, b.agency));
  const byYear = group(reports, (s) => s.year);
  return { reports, years: [...byYear.keys()], byAgency: group(reports, (s) => s.agencyId), byYear };
});

/** Every agency, by name. */
export const agencies = once((): Agency[] => agency.array().parse(readJson(files.agencies)).sort((a, b) => byChinese(a.name, b.name)));

export const build = once((): BuildInfo => buildInfo.parse(readJson(files.build)));

export const readReport = (id: string): Report => report.parse(readJson(files.report(id)));

export interface DictionaryEntry {
  key: string;
  label: string;
  meaning?: string;
  template?: string | null;
}

/** The data dictionary the data stage publishes (every cell key with its Chinese label), if it wrote one. */
export const dictionary = once((): DictionaryEntry[] => {
  try {
    const entries = readJson(`${files.downloads}/dictionary.json`);
    return Array.isArray(entries) ? entries.filter((e): e is DictionaryEntry => typeof e?.key === 'string') : [];
  } catch {
    return [];
  }
});
