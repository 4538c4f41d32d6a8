// Thin adapter over Pagefind. The reports are indexed in shards (one per year, or per part of a year), each into its own
// bundle at <site>/pagefind/<shard>/, which the search page searches in the browser, newest year first,
// one Pagefind instance per bundle (src/client/search.ts). One index of every report needed 5–8 GB at 10,000 reports and grows past any machine
// (performance-notes.md B.3, B.7 §4); a shard's index stays small. Two shards are indexed at once, each
// in its own worker and Pagefind service (scripts/site/pagefind-shard.ts), from the reports' data. A shard
// whose records are those of the previous build keeps its previous bundle, so a new report re-indexes
// only its shard.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
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

/** Sends one job to a worker and waits for its answer (or its crash). */
const run = (thread: Worker, job: ShardJob) =>
  new Promise<ShardDone>((resolve, reject) => {
    const fail = (error: Error) => {
      thread.off('message', answer);
      reject(error);
    };
    const answer = (done: ShardDone) => {
      thread.off('error', fail);
      resolve(done);
    };
    thread.once('message', answer).once('error', fail);
    thread.postMessage(job);
  });

/**
 * Indexes each shard's reports, read from `reportsDir` (the data stage's report JSON files), into
 * `siteDir/pagefind/<shard>/`, `concurrency` shards at a time. With `previousDir` (the site this build
 * replaces), a shard whose records did not change is linked from there instead.
 */
export async function indexShards(siteDir: string, reportsDir: string, shards: Shard[], previousDir?: string, concurrency = 2): Promise<ShardResult[]> {
  // Largest first, so the last shard to finish is a small one.
  const queue = [...shards].sort((a, b) => b.ids.length - a.ids.length);
  const results = new Map<string, ShardResult>();
  const worker = async () => {
    const thread = new Worker(new URL('./pagefind-shard.ts', import.meta.url));
    try {
      for (let shard = queue.shift(); shard; shard = queue.shift()) {
        const job: ShardJob = {
          reportsDir,
          ids: shard.ids,
          out: join(siteDir, bundleFolder(shard.name)),
          previous: previousDir && join(previousDir, bundleFolder(shard.name)),
        };
        const done = await run(thread, job);
        if (done.errors.length > 0) {
          queue.length = 0; // the other workers stop after their current shard
          throw new Error(`Pagefind failed on the ${shard.name} shard: ${done.errors.join('; ')}`);
        }
        results.set(shard.name, { name: shard.name, pages: shard.ids.length, kept: done.kept });
      }
    } finally {
      await thread.terminate();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, shards.length) }, worker));
  } catch (cause) {
    throw new Error(`Search index for ${siteDir} could not be built`, { cause });
  }
  return shards.map((s) => results.get(s.name)!);
}
