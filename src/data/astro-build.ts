// What this Astro build renders, and from which generated folder. astro.config.mjs reads it from the
// environment once (scripts/site/astro.ts runAstro sets it there) and hands it on through Vite's define,
// so no module of the site reads the environment.
declare const __NIANBAO_BUILD__: AstroBuild;

export interface AstroBuild {
  /** The generated folder the pages read (model/generated.ts). */
  generated: string;
  /** Which pages: every page (`all`), a build shard's (`shard`) or those spanning shards (`hub`): src/data/site-data.ts. */
  pages: string;
  /** Most reports in one search bundle (model/search-bundles.ts BUNDLE_PAGES). */
  bundlePages: number;
  /** A portal of made-up reports (npm run demo, --demo): every page says so. */
  demo: boolean;
}

export const astroBuild: AstroBuild = __NIANBAO_BUILD__;
