import { z } from 'zod';
import { provinceOf } from './provinces.ts';

// The search index comes in shards, one Pagefind bundle per year, or per province of a big year
// (scripts/site/pagefind.ts writes them; the search page searches them newest year first and the
// reader's province first, src/client/search.ts). The build and the search page both take the shards from here.

/**
 * Most reports in one shard. A first search downloads, of one shard, the index of the words it looks up,
 * which grows with the shard: a term in every report of a shard of 2,000 cost 466 KB in all (the bench's
 * --search-year 2000), within the 500 KB budget. Pagefind peaked at 1.5 GiB indexing it, and the build
 * indexes two shards at once. Tests and the bench set NIANBAO_SEARCH_SHARD_PAGES to split small corpora.
 */
export const SHARD_PAGES = Number(process.env.NIANBAO_SEARCH_SHARD_PAGES) || 2000;

export interface SearchShard {
  /**
   * `2022`; for a year of more than SHARD_PAGES reports, one per province, `2022-p44` (its division
   * code; `2022-p44-1` … `-n` for a province split in n, `2022-none` for reports without a region); under
   * a build shard, `<shard>/2022` …
   */
  name: string;
  year: number;
  /** Report ids. */
  ids: string[];
  /** The provinces of its reports, by name. */
  provinces: string[];
}

/** A small stable hash (FNV-1a), so a report stays in its shard of a split year as others are added. */
const hash = (text: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** Splits ids into parts of about equal size, each id always in the same part for the same number of parts. */
const split = (name: string, ids: string[], provinces: string[], year: number): SearchShard[] => {
  const parts = Math.ceil(ids.length / SHARD_PAGES);
  if (parts <= 1) return [{ name, year, ids, provinces }];
  const out = Array.from({ length: parts }, (_, i) => ({ name: `${name}-${i + 1}`, year, ids: [] as string[], provinces }));
  for (const id of ids) out[hash(id) % parts]!.ids.push(id);
  return out;
};

/**
 * The shards of these reports, newest year first: one per year, or, for reports given a build shard
 * (a folder of content/ built on its own: scripts/shards/), one per build shard and year. A group of more
 * than SHARD_PAGES reports is split by province (by division code; reports without a region last), and
 * a province of more than SHARD_PAGES in about equal parts. Pagefind ignores a query word that one index
 * lacks, so a query with a word only some indexes hold can list different pages under another grouping:
 * `npm run build -- --index-by-shard` groups as a build in shards does.
 */
export function searchShards(reports: { id: string; year: number; region: string | null; shard?: string }[]): SearchShard[] {
  const groups = new Map<string, { shard: string; year: number; reports: { id: string; province: ReturnType<typeof provinceOf> }[] }>();
  for (const { id, year, region, shard = '' } of reports) {
    const key = `${shard}/${year}`;
    if (!groups.has(key)) groups.set(key, { shard, year, reports: [] });
    groups.get(key)!.reports.push({ id, province: provinceOf(region) });
  }
  const names = (list: { province: ReturnType<typeof provinceOf> }[]) => [...new Set(list.flatMap((r) => (r.province ? [r.province.name] : [])))];
  return [...groups.values()]
    .sort((a, b) => b.year - a.year || (a.shard < b.shard ? -1 : a.shard > b.shard ? 1 : 0))
    .flatMap(({ shard, year, reports: list }) => {
      const prefix = `${shard ? `${shard}/` : ''}${year}`;
      if (list.length <= SHARD_PAGES) return [{ name: prefix, year, ids: list.map((r) => r.id), provinces: names(list).sort() }];
      const byProvince = Map.groupBy(list, (r) => r.province?.code ?? 'none');
      return [...byProvince.keys()]
        .sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : a < b ? -1 : 1))
        .flatMap((code) => {
          const members = byProvince.get(code)!;
          return split(
            `${prefix}-${code === 'none' ? 'none' : `p${code}`}`,
            members.map((r) => r.id),
            names(members),
            year,
          );
        });
    });
}

/** A shard's bundle folder, relative to the site's base. */
export const searchBundle = (shard: string) => `pagefind/${shard}/`;

/**
 * The bundles the build indexed, newest first, as it writes them into the generated folder for the
 * search page (scripts/build.ts, and the hub of a build in shards).
 */
export const SEARCH_BUNDLES_FILE = 'search-bundles.json';
export const searchBundleList = z.array(
  z.object({
    bundle: z.string().regex(/^pagefind\/[a-z0-9/-]+\/$/),
    year: z.number().int(),
    /** Reports in it: the search page searches small bundles of a year together. */
    pages: z.number().int(),
    /** The provinces of its reports, where it is one of several bundles of its year (it is searched first for them). */
    provinces: z.array(z.string()).optional(),
  }),
);
export type SearchBundle = z.infer<typeof searchBundleList>[number];

/** A shard without its ids: what the search page needs to know of it (a build in shards keeps these per shard). */
export type ShardSize = Omit<SearchShard, 'ids'> & { pages: number };
export const shardSize = ({ ids, ...s }: SearchShard): ShardSize => ({ ...s, pages: ids.length });

/**
 * The bundle folder, year and size of each shard, as the search page takes them (newest year first), and
 * its provinces where its year has several bundles, which the page orders by province.
 */
export function bundlesOf(shards: ShardSize[]): SearchBundle[] {
  const perYear = new Map<number, number>();
  for (const s of shards) perYear.set(s.year, (perYear.get(s.year) ?? 0) + 1);
  return shards.map((s) => ({
    bundle: searchBundle(s.name),
    year: s.year,
    pages: s.pages,
    ...(perYear.get(s.year)! > 1 && { provinces: s.provinces }),
  }));
}
