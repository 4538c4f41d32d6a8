// The bench's search of one national year: the search index our build makes of one generated folder
// (model/search-bundles.ts: by province; scripts/site/pagefind.ts), served with the search page of a
// site the bench has built (its HTML, scripts and styles, given this index's bundle list) and this
// folder's agency names. A first search is measured on it where no whole build of that year would fit
// this machine: Astro would render every report's pages first.
//   node scripts/bench/search-site.ts --generated DIR --page-from DIST --site DIR
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedFiles } from '../../model/generated.ts';
import { pageFiles, type SiteData } from '../../model/page-data.ts';
import type { Summary } from '../../model/summary.ts';
import { nameParts, sizesOf } from '../../src/search/agency-names.ts';
import { bundleList, bundleSize, indexBundles } from '../../model/search-bundles.ts';
import { indexBundlesWithPagefind } from '../site/pagefind.ts';
import { linkTree } from '../site/link-tree.ts';

const { values } = parseArgs({ options: { generated: { type: 'string' }, 'page-from': { type: 'string' }, site: { type: 'string' } } });
if (!values.generated || !values['page-from'] || !values.site) {
  console.error('usage: node scripts/bench/search-site.ts --generated DIR --page-from DIST --site DIR');
  process.exit(2);
}
const [files, from, site] = [generatedFiles(values.generated), values['page-from'], values.site];

const reports = JSON.parse(readFileSync(files.summaries, 'utf8')) as Summary[];
const shards = indexBundles(reports);
const started = performance.now();
await indexBundlesWithPagefind(site, files.reports, shards);
console.log(`[search-site] ${reports.length} reports in ${shards.length} bundles, indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// The search page as the build renders it, with this index's bundles (an attribute, HTML-escaped).
const attribute = JSON.stringify(bundleList(shards.map(bundleSize)))
  .replaceAll('&', '&amp;')
  .replaceAll('"', '&quot;');
const page = readFileSync(join(from, 'search/index.html'), 'utf8').replace(/data-shards="[^"]*"/, `data-shards="${attribute}"`);
mkdirSync(join(site, 'search'), { recursive: true });
writeFileSync(join(site, 'search/index.html'), page);
linkTree(join(from, '_astro'), join(site, '_astro'));
copyFileSync(join(from, 'favicon.svg'), join(site, 'favicon.svg'));
// The agency names of this folder, as the build writes them (src/pages/search/agency-names/).
const { names } = JSON.parse(readFileSync(join(files.pages, pageFiles.site), 'utf8')) as SiteData;
mkdirSync(join(site, 'search/agency-names'), { recursive: true });
for (const part of nameParts(names)) {
  const kind = sizesOf(part);
  const body = kind ? JSON.stringify(names[kind]) : readFileSync(join(files.pages, pageFiles.names(part)), 'utf8');
  writeFileSync(join(site, `search/agency-names/${part}.json.gz`), gzipSync(body, { level: 9 }));
}
