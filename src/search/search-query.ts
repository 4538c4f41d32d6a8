// What a search asks, and what counts as an answer, apart from Pagefind and the page: the phrases of a
// query, the test that a result really contains them, and the search's state in the URL. Runs in the
// browser: imports nothing (the model's zod schemas would triple the page's script).

export const SORTS = ['year', 'relevance'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  /** Filter name → chosen value; only chosen filters. */
  filters: Record<string, string>;
  /** `year`: newest year first (each year's index is searched only when the results reach it); `relevance`: every year at once. */
  sort: Sort;
  /** 1-based page of results. */
  page: number;
  /** With sort `year`: how many years, newest first, to search at least (more are searched when a page needs them). */
  years: number;
}

/**
 * The phrases of a query: what the reader typed, split at spaces. Each must appear in a result as typed
 * (上海 as 上海, never 上 and 海 apart); quotation marks are taken as spaces.
 */
export const phrases = (q: string): string[] => [
  ...new Set(
    q
      .replace(/["“”「」『』]/g, ' ')
      .split(/\s+/u)
      .filter(Boolean),
  ),
];

/** Pagefind's exact-phrase query for one phrase: the phrase in double quotes. */
export const exactQuery = (phrase: string) => `"${phrase}"`;

// Pagefind's page text puts a space between the page's elements and keeps the report's own spacing, so
// a phrase is looked for with all white space removed from both.
const squeeze = (text: string) => text.replace(/\s+/gu, '').toLowerCase();

/** Whether `text` holds every phrase as typed (white space and letter case aside). */
export function containsAll(text: string, wanted: string[]): boolean {
  const body = squeeze(text);
  return wanted.every((p) => body.includes(squeeze(p)));
}

/** The state a search URL describes; only the named filters are read (src/search/search-filters.ts FILTER_NAMES). */
export function stateFromParams(params: URLSearchParams, filterNames: readonly string[]): SearchState {
  const filters: Record<string, string> = {};
  for (const name of filterNames) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  const years = Number(params.get('years'));
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'year',
    page: Number.isInteger(page) && page > 1 ? page : 1,
    years: Number.isInteger(years) && years > 1 ? years : 1,
  };
}

/** The URL query of a state, defaults left out: `?q=固军&年度=2020&page=2`. */
export function paramsFromState(s: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  for (const [name, value] of Object.entries(s.filters)) params.set(name, value);
  if (s.sort !== 'year') params.set('sort', s.sort);
  if (s.page > 1) params.set('page', String(s.page));
  if (s.years > 1) params.set('years', String(s.years));
  return params;
}
