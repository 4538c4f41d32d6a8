// npm run build:shard -- --shard NAME: one shard's data stage → its report and agency pages (Astro) →
// its search index (Pagefind, one bundle per year) into shards/<NAME>/, a folder that persists between
// builds. The pages and the index are rebuilt only when the site's code or the shard's data changed
// (shard-stamp.ts); otherwise the previous ones are kept as they are. The same command runs on one
// machine (npm run build -- --shards runs it for every shard) and as one job of a CI matrix.
// Options: npm run build:shard -- --help (HELP below).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { removeTree } from '../site/remove-tree.ts';
import { dirname, join, resolve } from 'node:path';
import { cliArgs } from '../cli-args.ts';
import type { Agency } from '../../model/corpus.ts';
import { generatedFiles } from '../../model/generated.ts';
import type { Summary } from '../../model/summary.ts';
import { BUNDLE_PAGES, bundleSize, indexBundles } from '../../model/search-bundles.ts';
import { runDataStage } from '../stage/stage.ts';
import { lockBuild } from '../site/build-lock.ts';
import { linkTree } from '../site/link-tree.ts';
import { indexBundlesWithPagefind } from '../site/pagefind.ts';
import { runAstro } from '../site/astro.ts';
import { planShards, ROOT_SHARD, shardPaths, useYears } from './plan.ts';
import { shardRecord, type ShardRecord } from './shard-record.ts';
import { shardStamp } from './shard-stamp.ts';
import { readGenerated } from '../../model/generated-file.ts';

export interface ShardOptions {
  name: string;
  contentDir: string;
  shardsDir: string;
  base: string;
}

/**
 * The files of a shard in an Astro build's output: its reports' pages, its agencies' pages, compare data
 * and feeds, the redirects from their former ids, and the scripts and styles they load. The pages that
 * span shards are the hub's (src/data/site-data.ts: shardPages, hubPages).
 */
const shardFolders = (summaries: Summary[], agencies: Agency[]) => [
  ...summaries.map((s) => `reports/${s.id}`),
  ...agencies.flatMap((a) => [`agencies/${a.id}`, `compare/${a.id}.json`, `feeds/agencies/${a.id}`]),
  ...agencies.flatMap((a) => [
    ...a.formerIds.flatMap((id) => [`agencies/${id}`, `compare/${id}.json`]),
    ...Object.keys(a.formerReports).map((id) => `reports/${id}`),
  ]),
  '_astro',
];

export async function buildShard({ name, contentDir, shardsDir, base }: ShardOptions): Promise<ShardRecord> {
  const started = performance.now();
  const plan = (await planShards(contentDir)).find((s) => s.name === name);
  if (!plan) {
    const names = (await planShards(contentDir)).map((s) => s.name);
    throw new Error(`No shard ${name} in ${contentDir}/: its shards are ${names.join(', ') || 'none (it holds no report)'}.`);
  }
  const paths = shardPaths(shardsDir, name);
  const files = generatedFiles(paths.generated);
  await runDataStage({
    contentDir,
    outDir: paths.generated,
    inputs: { files: plan.inputs, problems: plan.problems },
    corpusDownloads: false, // the hub writes them from every shard's rows
    log: (m) => console.error(`[${name}] ${m}`),
  });
  const data = performance.now();

  const read = <T>(file: string) => readGenerated<T>(file);
  const summaries = read<Summary[]>(files.summaries);
  const agencies = read<Agency[]>(files.agencies);
  const stamp = shardStamp(process.cwd(), paths.generated, base);
  const previous = existsSync(paths.record) ? shardRecord.safeParse(JSON.parse(readFileSync(paths.record, 'utf8'))) : undefined;
  const shard = name === ROOT_SHARD ? undefined : name;
  const indexes = indexBundles(summaries.map((s) => ({ id: s.id, year: s.year, region: s.region, shard })));
  // The hub lists the search bundles from every shard's (scripts/shards/merge.ts).
  writeFileSync(files.shardBundles, JSON.stringify(indexes.map(bundleSize)));
  const record = (rebuilt: boolean, astro: number, pagefind: number): ShardRecord => ({
    name,
    stamp,
    reports: summaries.length,
    rebuilt,
    seconds: { data: (data - started) / 1000, astro, pagefind, total: (performance.now() - started) / 1000 },
    maxRss: process.resourceUsage().maxRSS * 1024,
  });

  if (previous?.success && previous.data.stamp === stamp && existsSync(paths.site)) {
    const kept = record(false, 0, 0);
    writeFileSync(paths.record, JSON.stringify(kept, null, 1));
    return kept;
  }

  // Astro renders into a scratch folder; the shard's pages are moved from it into the new site.
  const [scratch, next] = [`${paths.dir}/astro-out`, `${paths.site}.new`];
  await removeTree(next);
  mkdirSync(next, { recursive: true }); // even a shard whose every file is an error
  await runAstro({ generated: paths.generated, outDir: scratch, pages: 'shard', base, cacheDir: `${paths.dir}/astro-cache`, bundlePages: BUNDLE_PAGES });
  for (const folder of shardFolders(summaries, agencies)) {
    if (!existsSync(join(scratch, folder))) continue;
    mkdirSync(dirname(join(next, folder)), { recursive: true });
    renameSync(join(scratch, folder), join(next, folder));
  }
  await removeTree(scratch);
  const astro = performance.now();

  // The per-report downloads; the corpus-wide files at the top of downloads/ are the hub's.
  for (const [from, folder] of [
    [files.reports, 'reports'],
    [files.originals, 'originals'],
  ] as const)
    if (existsSync(from)) linkTree(from, join(next, 'data', folder));
  await indexBundlesWithPagefind(next, files.reports, indexes, existsSync(paths.site) ? paths.site : undefined);
  const pagefind = performance.now();

  await removeTree(`${paths.site}.old`);
  if (existsSync(paths.site)) renameSync(paths.site, `${paths.site}.old`);
  renameSync(next, paths.site);
  await removeTree(`${paths.site}.old`);
  const built = record(true, (astro - data) / 1000, (pagefind - astro) / 1000);
  writeFileSync(paths.record, JSON.stringify(built, null, 1));
  return built;
}

const HELP = `usage: npm run build:shard -- [options]
  --shard NAME       the shard (npm run build:plan lists them)
  --index N          or the Nth shard that npm run build:plan lists, from 0: for a job array whose jobs
                     know only their number (a Kubernetes Indexed Job's JOB_COMPLETION_INDEX)
  --content DIR      reports as published (default content)
  --shards-dir DIR   where shards live between builds (default shards)
  --base PATH        sub-path the site is served under (default / or $NIANBAO_BASE)
  --years Y-Y        the years the portal covers (default $NIANBAO_YEARS): give every shard and the hub
                     the same when shards hold different years`;

if (import.meta.main) {
  const { values: opts } = cliArgs(
    'npm run build:shard',
    {
      options: {
        shard: { type: 'string' },
        index: { type: 'string' },
        content: { type: 'string', default: 'content' },
        'shards-dir': { type: 'string', default: 'shards' },
        base: { type: 'string', default: process.env.NIANBAO_BASE ?? '/' },
        years: { type: 'string' },
      },
    },
    HELP,
  );
  useYears(opts.years);
  const contentDir = resolve(opts.content);
  if (!opts.shard && opts.index !== undefined) {
    const names = (await planShards(contentDir)).map((s) => s.name);
    const index = Number(opts.index);
    if (!Number.isInteger(index) || index < 0 || index >= names.length) {
      console.error(`--index ${opts.index}: npm run build:plan lists ${names.length} shard(s) of ${contentDir}/, numbered 0 to ${names.length - 1}.`);
      process.exit(2);
    }
    opts.shard = names[index];
  }
  if (!opts.shard) {
    console.error('Which shard? npm run build:shard -- --shard NAME, or --index N (npm run build:plan lists them).');
    process.exit(2);
  }
  // One build of a shard at a time: two would write its folder at once.
  const lock = await lockBuild([shardPaths(resolve(opts['shards-dir']), opts.shard).dir], (m) => console.error(m));
  try {
    const r = await buildShard({ name: opts.shard, contentDir, shardsDir: resolve(opts['shards-dir']), base: opts.base });
    const s = r.seconds;
    console.log(
      `[${r.name}] ${r.reports} report(s): ${r.rebuilt ? `pages and index rebuilt` : 'pages and index unchanged, kept'} in ${s.total.toFixed(1)} s (data ${s.data.toFixed(1)} s, astro ${s.astro.toFixed(1)} s, pagefind ${s.pagefind.toFixed(1)} s)`,
    );
  } catch (error) {
    console.error(`Shard ${opts.shard} failed; its previous pages were left as they were.`);
    console.error(error);
    process.exitCode = 1;
  } finally {
    await lock.release();
  }
}
