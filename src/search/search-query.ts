// What a search asks, and what counts as an answer, apart from Pagefind and the page: the phrases of a
// query, the test that a result really contains them, its excerpt, and the search's state in the URL.
// Runs in the browser: imports only index-words.ts (the model's zod schemas would triple the page's script).
import { comparable } from './index-words.ts';

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
  /**
   * With sort `year`: how many parts of the index to search at least, in order (a year, or a part of a
   * big year: search-groups.ts); more are searched when a page needs them.
   */
  parts: number;
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

/** A phrase as the index and the page text are compared: lower case, no white space (index-words.ts). */
const squeeze = (text: string) => comparable(text).join('');

/** Whether the text, in blocks (title, paragraphs), holds every phrase as typed within one block (white space and letter case aside). */
export function containsAll(blocks: string[], wanted: string[]): boolean {
  const squeezed = blocks.map(squeeze);
  return wanted.every((p) => squeezed.some((b) => b.includes(squeeze(p))));
}

export interface ExcerptPart {
  text: string;
  /** A phrase searched for. */
  mark: boolean;
}

/**
 * A result's excerpt: `length` characters of the first block (after the title) that holds a phrase,
 * from a little before it, each phrase marked; without one, the beginning of the first paragraph.
 */
export function excerpt(blocks: string[], wanted: string[], length = 80): ExcerptPart[] {
  const texts = blocks.map(squeeze);
  const phrasesOf = wanted.map(squeeze).filter(Boolean);
  const found = [...texts.slice(1), texts[0] ?? ''].find((b) => phrasesOf.some((p) => b.includes(p)));
  const block = found ?? texts[1] ?? texts[0] ?? '';
  const first = Math.min(...phrasesOf.map((p) => block.indexOf(p)).filter((i) => i >= 0));
  const start = Number.isFinite(first) ? Math.max(0, Math.min(first - 20, block.length - length)) : 0;
  const end = Math.min(block.length, start + length);
  const parts: ExcerptPart[] = [];
  const add = (text: string, mark: boolean) => text && parts.push({ text, mark });
  let at = start;
  while (at < end) {
    // The phrase that begins nearest, the longest of those, within the window.
    const next = phrasesOf
      .map((p) => ({ p, i: block.indexOf(p, at) }))
      .filter(({ i }) => i >= 0 && i < end)
      .sort((a, b) => a.i - b.i || b.p.length - a.p.length)[0];
    if (!next) break;
    add(block.slice(at, next.i), false);
    add(block.slice(next.i, Math.min(end, next.i + next.p.length)), true);
    at = next.i + next.p.length;
  }
  add(block.slice(at, end), false);
  if (start > 0) parts.unshift({ text: '…', mark: false });
  if (end < block.length) parts.push({ text: '…', mark: false });
  return parts;
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
  const parts = Number(params.get('parts'));
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'year',
    page: Number.isInteger(page) && page > 1 ? page : 1,
    parts: Number.isInteger(parts) && parts > 1 ? parts : 1,
  };
}

/** The URL query of a state, defaults left out: `?q=固军&年度=2020&page=2`. */
export function paramsFromState(s: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  for (const [name, value] of Object.entries(s.filters)) params.set(name, value);
  if (s.sort !== 'year') params.set('sort', s.sort);
  if (s.page > 1) params.set('page', String(s.page));
  if (s.parts > 1) params.set('parts', String(s.parts));
  return params;
}
