// One search shard, indexed in a worker thread (scripts/site/pagefind.ts runs two at once). Each worker
// imports Pagefind's Node API on its own and so runs its own Pagefind service: half of Pagefind's time
// goes to building and writing an index on one thread, which leaves the other core idle unless another
// shard is indexed beside it. The service is closed after every shard, so its memory goes back to the
// system and no more than one shard per worker is ever held.
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { linkTree } from './link-tree.ts';

export interface ShardJob {
  siteDir: string;
  /** Page files, relative to the site folder: `reports/<id>/index.html`. */
  pages: string[];
  /** Bundle folder to write. */
  out: string;
  /** The same shard's bundle in the build this one replaces, if any: kept when its pages did not change. */
  previous?: string;
}

export interface ShardDone {
  kept: boolean;
  errors: string[];
}

/** Written into each bundle: the hash of what it indexed, to tell whether the next build can keep it. */
const SOURCE_HASH = 'source.sha256';
const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')).version as string;

// Postings per index chunk (Pagefind's default is 20,000). A search loads, from every shard, the chunk of
// each word it looks up; smaller chunks make that a third of the bytes for a rare word (a place name), at
// a few KB more of metadata per shard. Pagefind 1.6 reads this from the environment of its service (an
// "unstable" setting: without it, searches only download more).
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '8000';

async function indexShard({ siteDir, pages, out, previous }: ShardJob): Promise<ShardDone> {
  const read = (path: string) => readFileSync(join(siteDir, path), 'utf8');
  const hash = createHash('sha256').update(`pagefind ${VERSION} chunk ${process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE}\n`);
  for (const path of pages) hash.update(`${path}\n`).update(read(path)).update('\n');
  const source = hash.digest('hex');
  if (previous && existsSync(join(previous, SOURCE_HASH)) && readFileSync(join(previous, SOURCE_HASH), 'utf8') === source) {
    linkTree(previous, out);
    return { kept: true, errors: [] };
  }
  const { index, errors } = await pagefind.createIndex();
  if (!index) return { kept: false, errors };
  // Pagefind reads the files itself, on every core; the glob names exactly this shard's pages (report
  // ids are [a-z0-9-], nothing a glob would read as a pattern).
  const added = await index.addDirectory({ path: siteDir, glob: `{${pages.join(',')}}` });
  if (added.errors.length > 0) return { kept: false, errors: added.errors };
  if (added.page_count !== pages.length) return { kept: false, errors: [`indexed ${added.page_count} of ${pages.length} pages`] };
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length === 0) writeFileSync(join(out, SOURCE_HASH), source);
  return { kept: false, errors: written.errors };
}

parentPort?.on('message', async (job: ShardJob) => {
  let done: ShardDone;
  try {
    done = await indexShard(job);
  } catch (error) {
    done = { kept: false, errors: [error instanceof Error ? (error.stack ?? error.message) : String(error)] };
  } finally {
    await pagefind.close();
  }
  parentPort!.postMessage(done);
});
