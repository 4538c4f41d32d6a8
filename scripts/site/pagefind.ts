// Thin adapter over Pagefind's Node API: index the built site's report pages, write the bundle beside
// them, fail loudly on Pagefind's error channel, and always stop its service.
import * as pagefind from 'pagefind';
import { join } from 'node:path';

const failIf = (step: string, errors: string[]) => {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed: ${errors.join('; ')}`);
};

/** Indexes `siteDir` (only pages marked data-pagefind-body count) into `siteDir/pagefind/`; returns the page count. */
export async function indexSite(siteDir: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex();
    failIf('start', errors);
    const added = await index!.addDirectory({ path: siteDir });
    failIf('indexing', added.errors);
    const written = await index!.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    failIf('writing', written.errors);
    return added.page_count;
  } catch (cause) {
    throw new Error(`Search index for ${siteDir} could not be built`, { cause });
  } finally {
    await pagefind.close();
  }
}
