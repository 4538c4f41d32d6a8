// One search bundle, indexed in a worker of the pool (scripts/site/pagefind.ts runs two at once). Each worker
// imports Pagefind's Node API on its own and so runs its own Pagefind service: half of Pagefind's time
// goes to building and writing an index on one thread, which leaves the other core idle unless another
// bundle is indexed beside it. The service is closed after every bundle, so its memory goes back to the
// system and no more than one bundle per worker is ever held. Pages are indexed as custom records made
// from each report's JSON (src/search/search-record.ts), not read back from their HTML.
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../model/report.ts';
import { searchRecord } from '../../src/search/search-record.ts';
import { linkTree } from './link-tree.ts';
import { readGenerated } from '../../model/generated-file.ts';

export interface BundleJob {
  /** The data stage's folder of report JSON files (generated/downloads/reports). */
  reportsDir: string;
  ids: string[];
  /** Bundle folder to write. */
  out: string;
  /** The same bundle in the build this one replaces, if any: kept when its records did not change. */
  previous?: string;
}

export interface BundleDone {
  kept: boolean;
  errors: string[];
}

/** Written into each bundle: the hash of what it indexed, to tell whether the next build can keep it. */
const SOURCE_HASH = 'source.sha256';
const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')).version as string;

// Postings per index chunk (Pagefind's default is 20,000). A search loads, from every bundle, the chunk of
// each word it looks up; smaller chunks make that a third of the bytes for a rare word (a place name), at
// a few KB more of metadata per bundle. Pagefind 1.6 reads this from the environment of its service (an
// "unstable" setting: without it, searches only download more).
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '8000';

/** Records in flight to Pagefind's service at once (it answers each by its message's id), instead of one round trip each. */
const BATCH = 64;

async function indexBundle({ reportsDir, ids, out, previous }: BundleJob): Promise<BundleDone> {
  const records = ids.map((id) => searchRecord(readGenerated<Report>(join(reportsDir, `${id}.json`))));
  const hash = createHash('sha256').update(`pagefind ${VERSION} chunk ${process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE}\n`);
  for (const record of records) hash.update(JSON.stringify(record)).update('\n');
  const source = hash.digest('hex');
  if (previous && existsSync(join(previous, SOURCE_HASH)) && readFileSync(join(previous, SOURCE_HASH), 'utf8') === source) {
    linkTree(previous, out);
    return { kept: true, errors: [] };
  }
  const { index, errors } = await pagefind.createIndex();
  if (!index) return { kept: false, errors };
  for (let i = 0; i < records.length; i += BATCH) {
    const added = await Promise.all(records.slice(i, i + BATCH).map((record) => index.addCustomRecord(record)));
    const failed = added.flatMap((a) => a.errors);
    if (failed.length > 0) return { kept: false, errors: failed };
  }
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length === 0) writeFileSync(join(out, SOURCE_HASH), source);
  return { kept: false, errors: written.errors };
}

export default async function indexInWorker(job: BundleJob): Promise<BundleDone> {
  try {
    return await indexBundle(job);
  } catch (error) {
    return { kept: false, errors: [error instanceof Error ? (error.stack ?? error.message) : String(error)] };
  } finally {
    await pagefind.close();
  }
}
