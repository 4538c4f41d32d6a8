import { z } from 'zod';
import { provinceOf } from './provinces.ts';

// The search index comes in bundles, one Pagefind bundle per year, or per province of a big year
// (scripts/site/pagefind.ts writes them; the search page searches them newest year first and the
// reader's province first, src/client/search.ts). The build, the hub of a build in shards and the search
// page all take the bundles from here. (A "shard" is a build shard, a folder of content/ built on its own.)

/**
 * Most reports in one bundle. A first search downloads, of one bundle, the index of the words it looks up,
 * which grows with the bundle: a term in every report of a bundle of 2,000 cost 466 KB in all (the bench's
 * --search-year 2000), within the 500 KB budget. Pagefind peaked at 1.5 GiB indexing it, and the build
 * indexes two bundles at once. Tests give a smaller one to split small corpora (the build reads
 * NIANBAO_SEARCH_BUNDLE_PAGES at its command line and passes it on).
 */
export const BUNDLE_PAGES = 2000;

/** A bundle with the reports it indexes. */
export interface IndexBundle {
  /**
   * `2022`; for a year of more than `most` reports, one per province, `2022-p44` (its division
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

/** A small stable hash (FNV-1a), so a report stays in its bundle of a split year as others are added. */
const hash = (text: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** Splits ids into parts of about equal size, each id always in the same part for the same number of parts. */
const split = (name: string, ids: string[], provinces: string[], year: number, most: number): IndexBundle[] => {
  const parts = Math.ceil(ids.length / most);
  if (parts <= 1) return [{ name, year, ids, provinces }];
  const out = Array.from({ length: parts }, (_, i) => ({ name: `${name}-${i + 1}`, year, ids: [] as string[], provinces }));
  for (const id of ids) out[hash(id) % parts]!.ids.push(id);
  return out;
};

/**
 * The bundles of these reports, newest year first: one per year, or, for reports given a build shard
 * (a folder of content/ built on its own: scripts/shards/), one per build shard and year. A group of more
 * than `most` reports is split by province (by division code; reports without a region last), and
 * a province of more than `most` in about equal parts. Pagefind ignores a query word that one index
 * lacks, so a query with a word only some indexes hold can list different pages under another grouping:
 * `npm run build -- --index-by-shard` groups as a build in shards does.
 */
export function indexBundles(reports: { id: string; year: number; region: string | null; shard?: string }[], most = BUNDLE_PAGES): IndexBundle[] {
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
      if (list.length <= most) return [{ name: prefix, year, ids: list.map((r) => r.id), provinces: names(list).sort() }];
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
            most,
          );
        });
    });
}

/** A bundle's folder, relative to the site's base. */
export const bundleFolder = (name: string) => `pagefind/${name}/`;

/**
 * The bundles the build indexed, newest first, as it writes them into the generated folder for the
 * search page (model/generated.ts searchBundles: scripts/build.ts, and the hub of a build in shards).
 */
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

/** A bundle without its ids: what the search page needs to know of it (a build in shards keeps these per build shard). */
export type BundleSize = Omit<IndexBundle, 'ids'> & { pages: number };
export const bundleSize = ({ ids, ...b }: IndexBundle): BundleSize => ({ ...b, pages: ids.length });

/**
 * The folder, year and size of each bundle, as the search page takes them (newest year first), and
 * its provinces where its year has several bundles, which the page orders by province.
 */
export function bundleList(bundles: BundleSize[]): SearchBundle[] {
  const perYear = new Map<number, number>();
  for (const s of bundles) perYear.set(s.year, (perYear.get(s.year) ?? 0) + 1);
  return bundles.map((s) => ({
    bundle: bundleFolder(s.name),
    year: s.year,
    pages: s.pages,
    ...(perYear.get(s.year)! > 1 && { provinces: s.provinces }),
  }));
}
