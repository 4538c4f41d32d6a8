// Thin adapter over Pagefind. The reports are indexed in search bundles (one per year, or per part of a year), each into
// its own folder <site>/pagefind/<bundle>/, which the search page searches in the browser, newest year first,
// one Pagefind instance per bundle (src/client/search.ts). One index of every report needed 5–8 GB at 10,000 reports and grows past any machine;
// a bundle's index stays small. Two bundles are indexed at once, each
// in its own worker and Pagefind service (scripts/site/pagefind-bundle.ts), from the reports' data. A bundle
// whose records are those of the previous build keeps its previous bundle, so a new report re-indexes
// only its bundle.
import { join } from 'node:path';
import { workerPool } from '../worker-pool.ts';
import { bundleFolder } from '../../model/search-bundles.ts';
import type { BundleDone, BundleJob } from './pagefind-bundle.ts';

export interface Bundle {
  name: string;
  /** Report ids. */
  ids: string[];
}

export interface BundleResult {
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
 * Indexes each bundle's reports, read from `reportsDir` (the data stage's report JSON files), into
 * `siteDir/pagefind/<bundle>/`, `concurrency` bundles at a time, in the worker pool (scripts/worker-pool.ts).
 * With `previousDir` (the site this build replaces), a bundle whose records did not change is linked from
 * there instead.
 */
export async function indexBundlesWithPagefind(
  siteDir: string,
  reportsDir: string,
  bundles: Bundle[],
  previousDir?: string,
  concurrency = 2,
): Promise<BundleResult[]> {
  const pool = workerPool<BundleJob, BundleDone>(new URL('./pagefind-bundle.ts', import.meta.url), { threads: concurrency, budget: BUDGET, name: 'Pagefind' });
  const results = new Map<string, BundleResult>();
  let failed = false;
  try {
    // Largest first, so the last bundle to finish is a small one.
    const queue = [...bundles].sort((a, b) => b.ids.length - a.ids.length);
    await Promise.all(
      queue.map(async (bundle) => {
        if (failed) return; // the other bundles stop after the current ones
        const job: BundleJob = {
          reportsDir,
          ids: bundle.ids,
          out: join(siteDir, bundleFolder(bundle.name)),
          previous: previousDir && join(previousDir, bundleFolder(bundle.name)),
        };
        const done = await pool.run(job);
        const errors = 'failure' in done ? [done.failure] : done.errors;
        if (errors.length > 0) {
          failed = true;
          throw new Error(`Pagefind failed on the ${bundle.name} bundle: ${errors.join('; ')}`);
        }
        results.set(bundle.name, { name: bundle.name, pages: bundle.ids.length, kept: !('failure' in done) && done.kept });
      }),
    );
  } catch (cause) {
    throw new Error(`Search index for ${siteDir} could not be built`, { cause });
  } finally {
    await pool.close();
  }
  return bundles.flatMap((s) => results.get(s.name) ?? []);
}
