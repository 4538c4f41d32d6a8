// What the search index holds of one report (a Pagefind custom record), made from its data, not its
// page: the title, the line of filled table rows and the prose sections, in the page's order, as index
// words (index-words.ts), with the filters and the metadata the search page shows. The page prints the
// same text (src/components/ReportPage.astro), so a result's excerpt quotes what its page says.
import type { Report } from '../../model/report.ts';
import { paragraphs } from '../render/paragraphs.ts';
import { reportSections, reportTitle } from '../render/report-text.ts';
import { indexWords } from './index-words.ts';
import { searchFilters } from './search-filters.ts';
import { tableTermsLine } from './search-terms.ts';

export interface SearchRecord {
  /** The page's address below the site's base: /reports/<id>/ (the search page adds the base). */
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The blocks of text a report is searched in: title, the line of filled table rows, paragraphs. */
export function searchBlocks(r: Report): string[] {
  const line = tableTermsLine(r);
  return [reportTitle(r), ...(line ? [line] : []), ...reportSections(r).flatMap((s) => paragraphs(r.sections[s.key] ?? ''))];
}

export function searchRecord(r: Report): SearchRecord {
  const failed = r.checks.filter((c) => c.ok === false).length;
  return {
    url: `/reports/${r.id}/`,
    content: indexWords(searchBlocks(r)),
    // The site's language: the search page (<html lang="zh-CN">) loads the index of its own language.
    language: 'zh-cn',
    meta: { title: reportTitle(r), agency: r.agency, year: String(r.year) },
    filters: Object.fromEntries(searchFilters({ ...r, failed }).map(([name, value]) => [name, [value]])),
  };
}
