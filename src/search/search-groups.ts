// In what order the search page searches the index's bundles (model/search-bundles.ts), and which
// together: newest year first; within a year, the reader's provinces first (the region filter's, or
// those of the agencies the query names), and small bundles together, up to as many reports as the build
// puts in one bundle (model/search-bundles.ts), so a first search downloads the index of one part of a big year, not
// all of it. Runs in the browser: imports nothing.

/** A bundle as the search page lists it. */
export interface Bundle {
  bundle: string;
  year: number;
  /** Reports in it. */
  pages: number;
  /** Provinces of its reports, by name, where its year has several bundles; else any. */
  provinces?: string[];
}

/** Bundles searched together: a whole year, or a part of it. */
export interface Group {
  year: number;
  bundles: Bundle[];
  /** The only group of its year. */
  whole: boolean;
  provinces: string[];
}

export interface Order {
  /** The year filter: only that year. */
  year?: string;
  /** The region filter ("江苏省淮安市"): only the bundles of its province, since no other holds a match. */
  region?: string;
  /** Provinces to search first, best first. */
  preferred: string[];
  /** Most reports searched at once, unless one bundle holds more (model/search-bundles.ts BUNDLE_PAGES). */
  groupPages: number;
}

export function searchGroups(bundles: Bundle[], { year, region, preferred, groupPages }: Order): Group[] {
  const years = [...new Set(bundles.map((b) => b.year))].sort((a, b) => b - a).filter((y) => !year || String(y) === year);
  const rank = (b: Bundle) => {
    const i = preferred.findIndex((p) => b.provinces?.includes(p));
    return i < 0 ? preferred.length : i;
  };
  return years.flatMap((y) => {
    const ordered = bundles
      .filter((b) => b.year === y && (!region || !b.provinces || b.provinces.some((p) => region.startsWith(p))))
      .sort((a, b) => rank(a) - rank(b));
    const groups: Bundle[][] = [];
    for (const b of ordered) {
      const last = groups.at(-1);
      if (last && last.reduce((n, x) => n + x.pages, 0) + b.pages <= groupPages) last.push(b);
      else groups.push([b]);
    }
    return groups.map((g) => ({ year: y, bundles: g, whole: groups.length === 1, provinces: [...new Set(g.flatMap((b) => b.provinces ?? []))] }));
  });
}

/** A group as the page names it: "2024 年度", or "2024 年度广东省、广西壮族自治区" for a part of a year. */
export function groupLabel(g: Group): string {
  if (g.whole) return `${g.year} 年度`;
  // Reports without a region are searched in a bundle of their own (model/search-bundles.ts).
  const unplaced = g.provinces.length === 0 || g.bundles.some((b) => b.provinces?.length === 0);
  const names = [...g.provinces, ...(unplaced ? ['未定地区'] : [])];
  return `${g.year} 年度${names.slice(0, 3).join('、')}${names.length > 3 ? `等 ${names.length} 个地区` : ''}`;
}

/** What a list of groups covers, in a few words: "2024—2022 年度", or their labels when some are parts of a year. */
export function groupsText(groups: Group[]): string {
  if (groups.every((g) => g.whole)) {
    const years = groups.map((g) => g.year);
    return years.length > 1 ? `${Math.max(...years)}—${Math.min(...years)} 年度` : `${years[0]} 年度`;
  }
  const labels = groups.map(groupLabel);
  return labels.length > 3 ? `${labels.slice(0, 2).join('，')}等 ${labels.length} 部分` : labels.join('，');
}
