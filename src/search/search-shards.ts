import { z } from 'zod';

// The search index comes in shards, one Pagefind bundle per year (scripts/site/pagefind.ts writes them; the
// search page searches them newest year first, src/client/search.ts). The build and the search page both
// take the shards from here.

/**
 * Most report pages in one shard. Pagefind holds about 0.6 MB per page while indexing
 * (performance-notes.md B.1) and the build indexes two shards at once, so 2,500 pages keep it near 3 GB.
 */
export const SHARD_PAGES = 2500;

export interface SearchShard {
  /** `2022`, or `2022-1` … `2022-n` for a year split in n; under a build shard, `<shard>/2022`. */
  name: string;
  year: number;
  /** Report ids. */
  ids: string[];
}

/** A small stable hash (FNV-1a), so a report stays in its shard of a split year as others are added. */
const hash = (text: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/**
 * The shards of these reports, newest year first: one per year, or, for reports given a build shard
 * (a folder of content/ built on its own: scripts/shards/), one per build shard and year; a group of
 * more than SHARD_PAGES reports split in about equal parts. Pagefind ignores a query word that one index
 * lacks, so a query with a word only some indexes hold can list different pages under another grouping:
 * `npm run build -- --index-by-shard` groups as a build in shards does.
 */
export function searchShards(reports: { id: string; year: number; shard?: string }[]): SearchShard[] {
  const groups = new Map<string, { shard: string; year: number; ids: string[] }>();
  for (const { id, year, shard = '' } of reports) {
    const key = `${shard}/${year}`;
    if (!groups.has(key)) groups.set(key, { shard, year, ids: [] });
    groups.get(key)!.ids.push(id);
  }
  return [...groups.values()]
    .sort((a, b) => b.year - a.year || (a.shard < b.shard ? -1 : a.shard > b.shard ? 1 : 0))
    .flatMap(({ shard, year, ids }) => {
      const prefix = shard ? `${shard}/` : '';
      const parts = Math.ceil(ids.length / SHARD_PAGES);
      if (parts === 1) return [{ name: `${prefix}${year}`, year, ids }];
      const split = Array.from({ length: parts }, (_, i) => ({ name: `${prefix}${year}-${i + 1}`, year, ids: [] as string[] }));
      for (const id of ids) split[hash(id) % parts]!.ids.push(id);
      return split;
    });
}

/** A shard's bundle folder, relative to the site's base. */
export const searchBundle = (shard: string) => `pagefind/${shard}/`;

/**
 * The bundles the build indexed, newest first, as it writes them into the generated folder for the
 * search page (scripts/build.ts, and the hub of a build in shards).
 */
export const SEARCH_BUNDLES_FILE = 'search-bundles.json';
export const searchBundleList = z.array(z.object({ bundle: z.string().regex(/^pagefind\/[a-z0-9/-]+\/$/), year: z.number().int() }));
export type SearchBundle = z.infer<typeof searchBundleList>[number];

/** The bundle folder and year of each shard, as the search page takes them (newest year first). */
export const bundlesOf = (shards: SearchShard[]): SearchBundle[] => shards.map((s) => ({ bundle: searchBundle(s.name), year: s.year }));
