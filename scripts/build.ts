// npm run build: content/ → data stage → Astro → Pagefind → dist/.
//   --content DIR    reports as published (default content)
//   --generated DIR  where the data stage writes (default generated)
//   --dist DIR       the built site (default dist)
//   --base PATH      sub-path the site is served under (default / or $NIANBAO_BASE)
//   --site-only      skip the data stage and build the site from the generated folder as it is
//   --shards         build shard by shard (each folder of content/ is one) and assemble the site from
//                    them and a hub: scripts/shards/run.ts; --jobs N shards at once (default 2),
//                    --shards-dir DIR where they persist between builds (default shards)
//   --index-by-shard one search bundle per folder of content/ and year, as --shards makes them, instead
//                    of one per year: the same site as a build in shards, search results included
// The site is built in <dist>.new and swapped in only when complete. Exits non-zero only when the build
// itself fails; input files that did not become pages are listed at the end, not fatal.
import { rm } from 'node:fs/promises';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SEARCH_BUNDLES_FILE, searchBundle, searchShards, type SearchShard } from '../src/search/search-shards.ts';
import { buildInfo, type BuildInfo } from '../model/corpus.ts';
import type { Summary } from '../model/summary.ts';
import { linkTree } from './site/link-tree.ts';
import { indexShards } from './site/pagefind.ts';
import { stagingDir, swapInto } from './site/swap.ts';
import { buildSummary } from './site/build-summary.ts';
import { folderShard } from './shards/plan.ts';

const { values: opts } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    generated: { type: 'string', default: 'generated' },
    dist: { type: 'string', default: 'dist' },
    base: { type: 'string', default: process.env.NIANBAO_BASE ?? '/' },
    'site-only': { type: 'boolean', default: false },
    shards: { type: 'boolean', default: false },
    'index-by-shard': { type: 'boolean', default: false },
    jobs: { type: 'string', default: '2' },
    'shards-dir': { type: 'string', default: 'shards' },
  },
});
const generated = resolve(opts.generated);
const dist = resolve(opts.dist);
const staging = stagingDir(dist);

const timings: Record<string, number> = {};
async function timed<T>(stage: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  console.log(`[${stage}] …`);
  try {
    return await run();
  } finally {
    timings[stage] = performance.now() - start;
  }
}

async function dataStage(): Promise<BuildInfo> {
  if (opts['site-only']) return buildInfo.parse(JSON.parse(readFileSync(`${generated}/build.json`, 'utf8')));
  const { runDataStage } = await import('./data/stage.ts');
  const { info } = await runDataStage({ contentDir: resolve(opts.content), outDir: generated });
  return info;
}

async function astroStage(): Promise<void> {
  // The search page lists the bundles that pagefindStage will write.
  writeFileSync(`${generated}/${SEARCH_BUNDLES_FILE}`, JSON.stringify(searchIndexes().map((s) => searchBundle(s.name))));
  // Read by astro.config.mjs and model/corpus.ts when Astro evaluates them.
  process.env.NIANBAO_GENERATED = generated;
  process.env.NIANBAO_BASE = opts.base;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  await rm(staging, { recursive: true, force: true });
  await build({ root: process.cwd(), outDir: staging, logLevel: 'warn' });
  // The data stage's downloads (bulk CSV/JSON, per-report files, originals) are served under /data/.
  if (existsSync(`${generated}/downloads`)) linkTree(`${generated}/downloads`, `${staging}/data`);
}

/** The search index's bundles: one per year, or with --index-by-shard one per folder of content/ and year, as a build in shards makes them. */
function searchIndexes(): SearchShard[] {
  const reports = JSON.parse(readFileSync(`${generated}/reports.json`, 'utf8')) as Summary[];
  const content = resolve(opts.content);
  const shard = (file: string) => (opts['index-by-shard'] ? folderShard(content, file) : undefined);
  return searchShards(reports.map((s) => ({ id: s.id, year: s.year, shard: shard(s.file) })));
}

async function pagefindStage(): Promise<void> {
  const reports = JSON.parse(readFileSync(`${generated}/reports.json`, 'utf8')) as Summary[];
  const pages = searchIndexes().map((s) => ({ name: s.name, pages: s.ids.map((id) => `reports/${id}/index.html`) }));
  const shards = await indexShards(staging, pages, existsSync(dist) ? dist : undefined);
  const kept = shards.filter((s) => s.kept);
  console.log(
    `[pagefind] ${reports.length} report page(s) in ${shards.length} index(es)${kept.length ? `; ${kept.map((s) => s.name).join(', ')} unchanged, kept` : ''}`,
  );
}

/** The whole corpus in one data stage, one Astro build and one Pagefind run. */
async function oneBuild(): Promise<void> {
  const info = await timed('data', dataStage);
  await timed('astro', astroStage);
  await timed('pagefind', pagefindStage);
  await swapInto(dist);
  console.log(buildSummary(info, opts.dist, timings));
}

/** Shard by shard, each in its own process, then the hub (scripts/shards/run.ts). */
async function shardedBuild(): Promise<void> {
  const { runShardedBuild } = await import('./shards/run.ts');
  const options = { contentDir: resolve(opts.content), shardsDir: resolve(opts['shards-dir']), dist, base: opts.base, jobs: Number(opts.jobs) };
  const { info, timings } = await runShardedBuild(options);
  console.log(buildSummary(info, opts.dist, timings));
}

try {
  await (opts.shards ? shardedBuild() : oneBuild());
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  console.error(`Build failed; ${opts.dist}/ was left as it was.`);
  console.error(error);
  process.exitCode = 1;
}
