// Thin adapter over Pagefind's Node API. The report pages are indexed in shards (one per year), each into
// its own bundle at <site>/pagefind/<shard>/, which the search page merges in the browser (Pagefind
// multisite: mergeIndex). One index of every report needed 5–8 GB at 10,000 reports and grows past
// any machine (performance-notes.md B.3, B.7 §4); a shard's index stays small. A shard whose pages are
// byte for byte those of the previous build keeps its previous bundle (hard-linked), so a new report
// re-indexes only its own year.
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchBundle } from '../../src/lib/search-index.ts';
import { eachLimited } from '../data/pool.ts';
import { linkTree } from './link-tree.ts';

/** Written into each bundle: the hash of what it indexed, to tell whether the next build can keep it. */
const SOURCE_HASH = 'source.sha256';
const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')).version as string;

export interface Shard {
  name: string;
  /** Page files, relative to the site folder: `reports/<id>/index.html`. */
  pages: string[];
}

export interface ShardResult {
  name: string;
  pages: number;
  /** Taken unchanged from the previous build's bundle. */
  kept: boolean;
}

const failIf = (step: string, errors: string[]) => {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed: ${errors.join('; ')}`);
};

/**
 * Indexes each shard's pages of `siteDir` into `siteDir/pagefind/<shard>/`, one index at a time so
 * memory holds one shard. With `previousDir` (the site this build replaces), a shard whose pages did
 * not change is linked from there instead.
 */
export async function indexShards(siteDir: string, shards: Shard[], previousDir?: string): Promise<ShardResult[]> {
  const results: ShardResult[] = [];
  try {
    for (const shard of shards) {
      const out = join(siteDir, searchBundle(shard.name));
      const read = (path: string) => readFileSync(join(siteDir, path), 'utf8');
      const hash = createHash('sha256').update(`pagefind ${VERSION}\n`);
      for (const path of shard.pages) hash.update(`${path}\n`).update(read(path)).update('\n');
      const source = hash.digest('hex');
      const previous = previousDir ? join(previousDir, searchBundle(shard.name)) : undefined;
      const kept = previous !== undefined && existsSync(join(previous, SOURCE_HASH)) && readFileSync(join(previous, SOURCE_HASH), 'utf8') === source;
      if (kept) {
        linkTree(previous!, out);
      } else {
        const { index, errors } = await pagefind.createIndex();
        failIf('start', errors);
        // A few files in flight keep Pagefind's service busy without queueing the whole shard in memory.
        await eachLimited(shard.pages, 8, async (path) => {
          const url = `/${path.replace(/index\.html$/, '')}`;
          failIf(`indexing ${url}`, (await index!.addHTMLFile({ url, content: read(path) })).errors);
        });
        failIf('writing', (await index!.writeFiles({ outputPath: out })).errors);
        await index!.deleteIndex();
        writeFileSync(join(out, SOURCE_HASH), source);
      }
      results.push({ name: shard.name, pages: shard.pages.length, kept });
    }
    return results;
  } catch (cause) {
    throw new Error(`Search index for ${siteDir} could not be built`, { cause });
  } finally {
    await pagefind.close();
  }
}
