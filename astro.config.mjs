// The site reads generated data only (see src/data/site-data.ts). scripts/site/astro.ts (runAstro) sets the
// environment for this build; it is read here once, and handed to the pages (src/data/astro-build.ts).
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { DEFAULT_GENERATED } from './model/generated.ts';
import { BUNDLE_PAGES } from './model/search-bundles.ts';

/** Sub-path the site is served under, e.g. `/nianbao/`; always with a trailing slash. */
const base = (process.env.NIANBAO_BASE ?? '/').replace(/\/?$/, '/');

/**
 * Where the site is published, e.g. `https://example.org` (`npm run build -- --site URL` or $NIANBAO_SITE).
 * Feeds and the sitemap need absolute addresses: without it, neither is written.
 */
const site = process.env.NIANBAO_SITE || undefined;

/** @type {import('./src/data/astro-build.ts').AstroBuild} */
const astroBuild = {
  generated: process.env.NIANBAO_GENERATED || DEFAULT_GENERATED,
  pages: process.env.NIANBAO_PAGES || 'all',
  bundlePages: Number(process.env.NIANBAO_SEARCH_BUNDLE_PAGES) || BUNDLE_PAGES,
  demo: process.env.NIANBAO_DEMO === '1',
};

export default defineConfig({
  base,
  site,
  integrations: site ? [sitemap()] : [],
  trailingSlash: 'always',
  // Four pages at a time: one page's file is written while the next renders (4,425 pages on the project's machine:
  // 16.7 s → 13.5 s for the site; 16 at a time is no faster).
  build: { format: 'directory', concurrency: 4 },
  // Pages are plain HTML; nothing should reach out to a prefetch or dev toolbar host.
  devToolbar: { enabled: false },
  prefetch: false,
  // Pagefind's script is imported at run time from the built site (src/client/search.ts). In a script
  // Astro inlines into the page, Vite's preload wrapper around that import() is left undefined, so
  // scripts always go to their own files, and nothing needs preloading.
  vite: { build: { modulePreload: false, assetsInlineLimit: 0 }, define: { __NIANBAO_BUILD__: JSON.stringify(astroBuild) } },
});
