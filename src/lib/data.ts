// The generated data the pages read (src/model/corpus.ts says where). Read once per build and cached:
// many pages need the same agency list; report JSON is read only by the pages that show it.
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

/** Every report's summary, newest year first, then by agency name. */
export const summaries = async (): Promise<Summary[]> =>
  (await getCollection('reports'))
    .map((e) => e.data)
    .sort((a, b) => b.year - a.year || a.agency.localeCompare(b.agency, 'zh-CN'));

export const agencies = once((): Agency[] =>
  agency.array().parse(readJson(files.agencies)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
);

export const build = once((): BuildInfo => buildInfo.parse(readJson(files.build)));

export const readReport = (id: string): Report => report.parse(readJson(files.report(id)));

/** Distinct years present, newest first. */
export const yearsOf = (list: Summary[]) => [...new Set(list.map((s) => s.year))].sort((a, b) => b - a);

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
