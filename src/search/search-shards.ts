import { z } from 'zod';

// The search index comes in shards, one Pagefind bundle per year (scripts/site/pagefind.ts writes them; the
// search page merges them in the browser). The build and the search page both take the shards from here.

/**
 * Most report pages in one shard. Pagefind holds about 0.6 MB per page while indexing
 * (performance-notes.md B.1) and the build indexes two shards at once, so 2,500 pages keep it near 3 GB.
 */
export const SHARD_PAGES = 2500;

export interface SearchShard {
  /** `2022`, or `2022-1` … `2022-n` for a year split in n. */
  name: string;
  /** Report ids. */
  ids: string[];
}

/** A small stable hash (FNV-1a), so a report stays in its shard of a split year as others are added. */
const hash = (text: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** The shards of these reports, newest year first: one per year, a year of more than SHARD_PAGES reports split in about equal parts. */
export function searchShards(reports: { id: string; year: number }[]): SearchShard[] {
  const byYear = new Map<number, string[]>();
  for (const { id, year } of reports) {
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year)!.push(id);
  }
  return [...byYear]
    .sort(([a], [b]) => b - a)
    .flatMap(([year, ids]) => {
      const parts = Math.ceil(ids.length / SHARD_PAGES);
      if (parts === 1) return [{ name: String(year), ids }];
      const split = Array.from({ length: parts }, (_, i) => ({ name: `${year}-${i + 1}`, ids: [] as string[] }));
      for (const id of ids) split[hash(id) % parts]!.ids.push(id);
      return split;
    });
}

/** A shard's bundle folder, relative to the site's base. */
export const searchBundle = (shard: string) => `pagefind/${shard}/`;

/**
 * A site built in shards (scripts/shards/) indexes each build shard's years on their own, as
 * `pagefind/<build shard>/<year>/`, and its hub writes the list of those bundles, newest first, into
 * this file of its generated folder for the search page.
 */
export const SEARCH_BUNDLES_FILE = 'search-bundles.json';
export const searchBundleList = z.array(z.string().regex(/^pagefind\/[a-z0-9/-]+\/$/));
