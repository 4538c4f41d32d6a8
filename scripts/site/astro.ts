// Runs Astro over one generated folder: the one-go build (scripts/build.ts) and each shard and the hub of a
// build in shards (scripts/shards/). Astro reads its config once per process, so this is one Astro build per
// process: the options go into the environment here, the one place that sets it, and astro.config.mjs reads
// them once and hands them to the pages (src/data/astro-build.ts).
import { cp, rename } from 'node:fs/promises';
import { removeTree } from './remove-tree.ts';
import { join, sep } from 'node:path';
import type { AstroBuild } from '../../src/data/astro-build.ts';

export interface AstroOptions {
  /** The generated folder the pages read. */
  generated: string;
  outDir: string;
  /** Every page (one build), a build shard's or the hub's (src/data/site-data.ts). */
  pages: AstroBuild['pages'];
  /** Sub-path the site is served under. */
  base: string;
  /** Where the site is published (feeds and the sitemap need it), if known. */
  site?: string;
  /** Astro's own cache folder: each shard has its own, so shards built side by side never share Astro's data store. */
  cacheDir?: string;
  /** Most reports in one search bundle (model/search-bundles.ts), for the search page. */
  bundlePages: number;
}

/**
 * The environment every Astro build runs in (ours, and bare Astro in the bench): no telemetry, and an
 * allocator that gives back what it frees. Vite's bundler (rolldown) and Astro's compiler allocate with
 * mimalloc, which by default keeps what they free resident for the rest of the process: about 180 MiB of a
 * hub's peak memory, through every page rendered after bundling. mimalloc reads its settings from the
 * environment when it starts, at Astro's import.
 */
export const ASTRO_ENV = { ASTRO_TELEMETRY_DISABLED: '1', MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '0' };

export async function runAstro({ generated, outDir, pages, base, site, cacheDir, bundlePages }: AstroOptions): Promise<void> {
  Object.assign(process.env, {
    NIANBAO_GENERATED: generated,
    NIANBAO_PAGES: pages,
    NIANBAO_BASE: base,
    NIANBAO_SITE: site ?? '',
    NIANBAO_SEARCH_BUNDLE_PAGES: String(bundlePages),
    ...ASTRO_ENV,
  });
  const { build } = await import('astro');
  await removeTree(outDir);
  // Astro 7 writes its prerender chunks into the output folder, but into the project's shared .astro/
  // when that folder is outside the project: two builds at once would then overwrite each other's.
  const root = process.cwd();
  const inside = outDir.startsWith(root + sep);
  const target = inside ? outDir : join(root, '.astro', `pages-${process.pid}`);
  await removeTree(target);
  await build({ root, outDir: target, ...(cacheDir && { cacheDir }), logLevel: 'warn' });
  if (inside) return;
  await rename(target, outDir).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EXDEV') throw error;
    await cp(target, outDir, { recursive: true });
  });
  await removeTree(target);
}
