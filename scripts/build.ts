// npm run build: content/ → data stage → Astro → Pagefind → dist/.
// Options: HELP below (npm run build -- --help).
// One build at a time per checkout (a second one waits). The site is built in a folder of its own and
// published in one atomic step only when complete (scripts/site/swap.ts): a failed or killed build
// leaves the previous site served. Exits non-zero only when the build itself fails; input files that
// did not become pages are listed at the end, not fatal.
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { removeTree } from './site/remove-tree.ts';
import { resolve } from 'node:path';
import { cliArgs } from './cli-args.ts';
import { BUNDLE_PAGES, bundleList, bundleSize, indexBundles, type IndexBundle } from '../model/search-bundles.ts';
import { buildInfo, type BuildInfo } from '../model/corpus.ts';
import { DEFAULT_GENERATED, generatedFiles } from '../model/generated.ts';
import type { Summary } from '../model/summary.ts';
import { lockBuild } from './site/build-lock.ts';
import { linkTree } from './site/link-tree.ts';
import { runAstro } from './site/astro.ts';
import { addDuckdbFiles } from './site/duckdb-files.ts';
import { indexBundlesWithPagefind } from './site/pagefind.ts';
import { copyToBuild, newBuild, publish, removeBuilds, workFolder } from './site/swap.ts';
import { buildSummary } from './site/build-summary.ts';
import { folderShard, useYears } from './shards/plan.ts';
import { readGenerated } from '../model/generated-file.ts';

const HELP = `usage: npm run build -- [options]
  content/ → data stage → Astro → Pagefind → dist/, published in one step
  --content DIR    reports as published (default content)
  --generated DIR  where the data stage writes (default generated)
  --dist DIR       the built site (default dist): a link to the current build in DIR.builds/
  --base PATH      sub-path the site is served under (default / or $NIANBAO_BASE)
  --site URL       where the site is published, e.g. https://example.org (default $NIANBAO_SITE); feeds
                   and the sitemap need it and are not written without it
  --years Y-Y      the years the portal covers (default $NIANBAO_YEARS, else those it holds reports for):
                   every agency is expected to have a report for each (model/coverage.ts); a build in
                   shards needs it when its shards hold different years
  --site-only      skip the data stage and build the site from the generated folder as it is
  --shards         build shard by shard (each folder of content/ is one) and assemble the site from
                   them and a hub: scripts/shards/run.ts; --jobs N shards at once (default 2),
                   --shards-dir DIR where they persist between builds (default shards)
  --index-by-shard one search bundle per folder of content/ and year, as --shards makes them, instead
                   of one per year: the same site as a build in shards, search results included
  --demo           say 演示数据，非真实报告 on every page (default $NIANBAO_DEMO=1): a portal of made-up
                   reports, as npm run demo builds`;
const { values: opts } = cliArgs(
  'npm run build',
  {
    options: {
      content: { type: 'string', default: 'content' },
      generated: { type: 'string', default: DEFAULT_GENERATED },
      dist: { type: 'string', default: 'dist' },
      base: { type: 'string', default: process.env.NIANBAO_BASE ?? '/' },
      site: { type: 'string', default: process.env.NIANBAO_SITE ?? '' },
      years: { type: 'string' },
      'site-only': { type: 'boolean', default: false },
      shards: { type: 'boolean', default: false },
      'index-by-shard': { type: 'boolean', default: false },
      jobs: { type: 'string', default: '2' },
      'shards-dir': { type: 'string', default: 'shards' },
      demo: { type: 'boolean', default: process.env.NIANBAO_DEMO === '1' },
    },
  },
  HELP,
);
if (opts.site && !URL.canParse(opts.site)) {
  console.error(`--site "${opts.site}" is not an absolute URL: give the address the site is published at, e.g. https://example.org`);
  process.exit(2);
}
useYears(opts.years);
// Read by astro.config.mjs, which hands it to the pages (here and in every shard's process).
if (opts.demo) process.env.NIANBAO_DEMO = '1';
const generated = resolve(opts.generated);
const files = generatedFiles(generated);
const dist = resolve(opts.dist);
const log = (message: string) => console.error(message);

/**
 * For the tests that kill or pause a build at each step (test/build/), read here at the command line and
 * nowhere else: NIANBAO_STOP_BEFORE=<step> makes the build say so and wait there until it is killed;
 * NIANBAO_PAUSE_BEFORE=<step> makes it say so and suspend itself (SIGSTOP) until the test continues it
 * (SIGCONT), as a suspended terminal or a frozen machine would. NIANBAO_SEARCH_BUNDLE_PAGES makes small
 * search bundles, to split a small corpus as a national one is split.
 */
const hooks = {
  stopBefore: process.env.NIANBAO_STOP_BEFORE,
  pauseBefore: process.env.NIANBAO_PAUSE_BEFORE,
  bundlePages: Number(process.env.NIANBAO_SEARCH_BUNDLE_PAGES) || BUNDLE_PAGES,
};

const timings: Record<string, number> = {};
async function timed<T>(stage: string, run: () => Promise<T>): Promise<T> {
  await stopBefore(stage);
  const start = performance.now();
  console.log(`[${stage}] …`);
  try {
    return await run();
  } finally {
    timings[stage] = performance.now() - start;
  }
}

/** Where the tests stop or pause a build (`hooks`). */
async function stopBefore(step: string): Promise<void> {
  if (hooks.pauseBefore === step) {
    console.log(`[paused before ${step}]`);
    process.kill(process.pid, 'SIGSTOP');
  }
  if (hooks.stopBefore !== step) return;
  console.log(`[stopped before ${step}]`);
  await new Promise(() => setInterval(() => {}, 60_000));
}

async function dataStage(): Promise<BuildInfo> {
  if (opts['site-only']) return readGenerated(files.build, buildInfo);
  const { runDataStage } = await import('./stage/stage.ts');
  const { info } = await runDataStage({ contentDir: resolve(opts.content), outDir: generated });
  return info;
}

async function astroStage(site: string): Promise<void> {
  // The search page lists the bundles that pagefindStage will write.
  writeFileSync(files.searchBundles, JSON.stringify(bundleList(searchIndexes().map(bundleSize))));
  if (!opts.site) console.log('[astro] no --site URL: feeds and sitemap are not written');
  await runAstro({ generated, outDir: site, pages: 'all', base: opts.base, site: opts.site, bundlePages: hooks.bundlePages });
  // The data stage's downloads (bulk CSV/JSON, per-report files, copies of the originals) are served under /data/.
  if (existsSync(files.downloads)) linkTree(files.downloads, `${site}/data`);
  addDuckdbFiles(site);
}

/** The search index's bundles: one per year, or with --index-by-shard one per folder of content/ and year, as a build in shards makes them. */
function searchIndexes(): IndexBundle[] {
  const reports = readGenerated<Summary[]>(files.summaries);
  const content = resolve(opts.content);
  const shard = (file: string) => (opts['index-by-shard'] ? folderShard(content, file) : undefined);
  return indexBundles(
    reports.map((s) => ({ id: s.id, year: s.year, region: s.region, shard: shard(s.file) })),
    hooks.bundlePages,
  );
}

async function pagefindStage(site: string): Promise<void> {
  const reports = readGenerated<Summary[]>(files.summaries);
  // The site being served, whose unchanged shards are kept.
  const shards = await indexBundlesWithPagefind(site, files.reports, searchIndexes(), existsSync(dist) ? realpathSync(dist) : undefined);
  const kept = shards.filter((s) => s.kept);
  console.log(
    `[pagefind] ${reports.length} report page(s) in ${shards.length} index(es)${kept.length ? `; ${kept.map((s) => s.name).join(', ')} unchanged, kept` : ''}`,
  );
}

/** The whole corpus in one data stage, one Astro build and one Pagefind run, published in one step. */
async function oneBuild(): Promise<void> {
  let site: string | undefined;
  let work: string | undefined;
  let published = false;
  try {
    site = await newBuild(dist);
    // The site itself, or a staging folder in the project when --dist is outside it (swap.ts).
    work = await workFolder(site);
    const info = await timed('data', dataStage);
    await timed('astro', () => astroStage(work!));
    await timed('pagefind', () => pagefindStage(work!));
    if (work !== site) await timed('move', () => copyToBuild(work!, site!));
    await stopBefore('publish');
    await publish(dist, site, log, lock);
    published = true;
    await stopBefore('cleanup');
    await removeBuilds(dist);
    console.log(buildSummary(info, opts.dist, timings));
  } catch (error) {
    if (site && !published) await Promise.all([site, work].map((d) => d && removeTree(d)));
    console.error(published ? `Build published to ${opts.dist}/, but failed after that.` : `Build failed; ${opts.dist}/ was left as it was.`);
    throw error;
  }
}

/** Shard by shard, each in its own process, then the hub (scripts/shards/run.ts), published the same way. */
async function shardedBuild(): Promise<void> {
  const { runShardedBuild } = await import('./shards/run.ts');
  const options = { contentDir: resolve(opts.content), shardsDir: resolve(opts['shards-dir']), dist, base: opts.base, jobs: Number(opts.jobs), lock };
  const { info, timings } = await runShardedBuild(options);
  console.log(buildSummary(info, opts.dist, timings));
}

const lock = await lockBuild([generated, dist], log);
try {
  await (opts.shards ? shardedBuild() : oneBuild());
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await lock.release();
}
