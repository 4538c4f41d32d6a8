// npm run build:hub: the pages that span shards (home, lists, years, compare data, search) from the
// shards' summaries, then the site assembled from the hub and every shard and swapped into dist/.
// Every shard of content/ must have been built (npm run build:shard, or downloaded from CI jobs).
// Options: npm run build:hub -- --help (HELP below).
import { existsSync } from 'node:fs';
import { linkTree } from '../site/link-tree.ts';
import { addDuckdbFiles } from '../site/duckdb-files.ts';
import { removeTree } from '../site/remove-tree.ts';
import { join, resolve } from 'node:path';
import { cliArgs } from '../cli-args.ts';
import type { BuildInfo } from '../../model/corpus.ts';
import { buildSummary } from '../site/build-summary.ts';
import { lockBuild, type BuildLock } from '../site/build-lock.ts';
import { newBuild, publish, removeBuilds } from '../site/swap.ts';
import { assembleSite } from './assemble.ts';
import { runAstro } from '../site/astro.ts';
import { generatedFiles } from '../../model/generated.ts';
import { BUNDLE_PAGES } from '../../model/search-bundles.ts';
import { mergeShards } from './merge.ts';
import { hubPaths, planShards, shardPaths, useYears } from './plan.ts';

export interface HubOptions {
  contentDir: string;
  shardsDir: string;
  dist: string;
  base: string;
  /** The build's lock: publishing is refused once it is lost (scripts/site/swap.ts). */
  lock?: BuildLock;
}

export async function buildHub({ contentDir, shardsDir, dist, base, lock }: HubOptions): Promise<{ info: BuildInfo; timings: Record<string, number> }> {
  const timings: Record<string, number> = {};
  let last = performance.now();
  const lap = (stage: string) => {
    timings[stage] = performance.now() - last;
    last = performance.now();
  };
  const shards = (await planShards(contentDir)).map((s) => ({ name: s.name, ...shardPaths(shardsDir, s.name) }));
  const hub = hubPaths(shardsDir);
  await removeTree(hub.generated);
  const info = await mergeShards(shards, hub.generated);
  lap('merge');
  await runAstro({ generated: hub.generated, outDir: hub.site, pages: 'hub', base, cacheDir: join(hub.dir, 'astro-cache'), bundlePages: BUNDLE_PAGES });
  // The corpus-wide downloads; each report's own are in its shard.
  linkTree(generatedFiles(hub.generated).downloads, join(hub.site, 'data'));
  addDuckdbFiles(hub.site);
  lap('hub pages');
  for (const s of shards)
    if (!existsSync(s.site)) throw new Error(`Shard ${s.name} has no pages in ${s.site}: run \`npm run build:shard -- --shard ${s.name}\` first.`);
  // Published as a one-go build is (scripts/site/swap.ts): assembled in a folder of its own, then one rename.
  const site = await newBuild(dist);
  try {
    assembleSite([hub.site, ...shards.map((s) => s.site)], site);
  } catch (error) {
    await removeTree(site);
    throw error;
  }
  lap('assemble');
  await publish(dist, site, (m) => console.error(m), lock);
  lap('publish');
  // The site is live; what is left is removing the builds it replaced (millions of files at national scale).
  await removeBuilds(dist);
  lap('cleanup');
  return { info, timings };
}

const HELP = `usage: npm run build:hub -- [options]
  --content DIR      reports as published (default content): says which shards make the site
  --shards-dir DIR   where the shards were built (default shards)
  --dist DIR         the built site (default dist)
  --base PATH        sub-path the site is served under (default / or $NIANBAO_BASE)
  --years Y-Y        the years the portal covers (default $NIANBAO_YEARS): the same as every shard's`;

if (import.meta.main) {
  const { values: opts } = cliArgs(
    'npm run build:hub',
    {
      options: {
        content: { type: 'string', default: 'content' },
        'shards-dir': { type: 'string', default: 'shards' },
        dist: { type: 'string', default: 'dist' },
        base: { type: 'string', default: process.env.NIANBAO_BASE ?? '/' },
        years: { type: 'string' },
      },
    },
    HELP,
  );
  useYears(opts.years);
  // One hub at a time, and never beside a one-go build publishing the same dist (npm run build holds dist's lock).
  const lock = await lockBuild([hubPaths(resolve(opts['shards-dir'])).dir, resolve(opts.dist)], (m) => console.error(m));
  try {
    const { info, timings } = await buildHub({
      contentDir: resolve(opts.content),
      shardsDir: resolve(opts['shards-dir']),
      dist: resolve(opts.dist),
      base: opts.base,
      lock,
    });
    console.log(buildSummary(info, opts.dist, timings));
  } catch (error) {
    console.error(`Hub build failed; ${opts.dist}/ was left as it was.`);
    console.error(error);
    process.exitCode = 1;
  } finally {
    await lock.release();
  }
}
