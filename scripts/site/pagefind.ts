// Thin adapter over Pagefind. The reports are indexed in shards (one per year, or per part of a year), each into its own
// bundle at <site>/pagefind/<shard>/, which the search page searches in the browser, newest year first,
// one Pagefind instance per bundle (src/client/search.ts). One index of every report needed 5–8 GB at 10,000 reports and grows past any machine
// (performance-notes.md B.3, B.7 §4); a shard's index stays small. Two shards are indexed at once, each
// in its own worker and Pagefind service (scripts/site/pagefind-shard.ts), from the reports' data. A shard
// whose records are those of the previous build keeps its previous bundle, so a new report re-indexes
// only its shard.
import { join } from 'node:path';
import { workerPool } from '../worker-pool.ts';
import { bundleFolder } from '../../model/search-bundles.ts';
import type { ShardDone, ShardJob } from './pagefind-shard.ts';

export interface Shard {
  name: string;
  /** Report ids. */
  ids: string[];
}

export interface ShardResult {
  name: string;
  pages: number;
  /** Taken unchanged from the previous build's bundle. */
  kept: boolean;
}

/**
 * A bundle's time and memory: no real one comes near (2,000 reports index in about a minute), and an index
 * that never finishes must still end the build with an error rather than hang it.
 */
const BUDGET = { seconds: 3600, memoryMb: 4096 };

/**
 * Indexes each shard's reports, read from `reportsDir` (the data stage's report JSON files), into
 * `siteDir/pagefind/<shard>/`, `concurrency` shards at a time, in the worker pool (scripts/worker-pool.ts).
 * With `previousDir` (the site this build replaces), a shard whose records did not change is linked from
 * there instead.
 */
export async function indexShards(siteDir: string, reportsDir: string, shards: Shard[], previousDir?: string, concurrency = 2): Promise<ShardResult[]> {
  const pool = workerPool<ShardJob, ShardDone>(new URL('./pagefind-shard.ts', import.meta.url), { threads: concurrency, budget: BUDGET, name: 'Pagefind' });
  const results = new Map<string, ShardResult>();
  let failed = false;
  try {
    // Largest first, so the last shard to finish is a small one.
    const queue = [...shards].sort((a, b) => b.ids.length - a.ids.length);
    await Promise.all(
      queue.map(async (shard) => {
        if (failed) return; // the other shards stop after the current ones
        const job: ShardJob = {
          reportsDir,
          ids: shard.ids,
          out: join(siteDir, bundleFolder(shard.name)),
          previous: previousDir && join(previousDir, bundleFolder(shard.name)),
        };
        const done = await pool.run(job);
        const errors = 'failure' in done ? [done.failure] : done.errors;
        if (errors.length > 0) {
          failed = true;
          throw new Error(`Pagefind failed on the ${shard.name} shard: ${errors.join('; ')}`);
        }
        results.set(shard.name, { name: shard.name, pages: shard.ids.length, kept: !('failure' in done) && done.kept });
      }),
    );
  } catch (cause) {
    throw new Error(`Search index for ${siteDir} could not be built`, { cause });
  } finally {
    await pool.close();
  }
  return shards.flatMap((s) => results.get(s.name) ?? []);
}
