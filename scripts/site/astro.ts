// Runs Astro over one generated folder, rendering one set of pages (src/data/site-data.ts: NIANBAO_PAGES).
// Each run has its own cache folder, so shards built side by side never share Astro's data store.
import { cp, rename, rm } from 'node:fs/promises';
import { join, sep } from 'node:path';

export interface AstroRun {
  generated: string;
  outDir: string;
  pages: 'shard' | 'hub';
  base: string;
  cacheDir: string;
}

/** One Astro build per process: Astro reads the environment once, when it first loads the config. */
export async function renderPages({ generated, outDir, pages, base, cacheDir }: AstroRun): Promise<void> {
  process.env.NIANBAO_GENERATED = generated;
  process.env.NIANBAO_PAGES = pages;
  process.env.NIANBAO_BASE = base;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  await rm(outDir, { recursive: true, force: true });
  // Astro 7 writes its prerender chunks into the output folder, but into the project's shared .astro/
  // when that folder is outside the project: two builds at once would then overwrite each other's.
  const root = process.cwd();
  const inside = outDir.startsWith(root + sep);
  const target = inside ? outDir : join(root, '.astro', `pages-${process.pid}`);
  await rm(target, { recursive: true, force: true });
  await build({ root, outDir: target, cacheDir, logLevel: 'warn' });
  if (inside) return;
  await rename(target, outDir).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EXDEV') throw error;
    await cp(target, outDir, { recursive: true });
  });
  await rm(target, { recursive: true, force: true });
}
