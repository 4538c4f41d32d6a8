// The bench's search of one national year: the search index our build makes of one generated folder
// (model/search-bundles.ts: by province; scripts/site/pagefind.ts), served with the search page of a
// site the bench has built (its HTML, scripts and styles, given this index's bundle list) and this
// folder's agency names. A first search is measured on it where no whole build of that year would fit
// this machine: Astro would render every report's pages first. The agency names come one file per province.
//   node scripts/bench/search-site.ts --generated DIR --page-from DIST --site DIR
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedFiles } from '../../model/generated.ts';
import { pageFiles, type NameEntry, type SiteData } from '../../model/page-data.ts';
import type { Summary } from '../../model/summary.ts';
import { agencyNames } from '../../src/search/agency-names.ts';
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
// The agency names by province, as the build writes them (src/pages/search/agency-names/).
const escape = (value: unknown) => JSON.stringify(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const { names: parts } = JSON.parse(readFileSync(join(files.pages, pageFiles.site), 'utf8')) as SiteData;
const page = readFileSync(join(from, 'search/index.html'), 'utf8')
  .replace(/data-shards="[^"]*"/, `data-shards="${attribute}"`)
  .replace(/data-names="[^"]*"/, `data-names="${escape(parts.map((p) => [p.part, p.province ?? '']))}"`);
mkdirSync(join(site, 'search'), { recursive: true });
writeFileSync(join(site, 'search/index.html'), page);
linkTree(join(from, '_astro'), join(site, '_astro'));
copyFileSync(join(from, 'favicon.svg'), join(site, 'favicon.svg'));
mkdirSync(join(site, 'search/agency-names'), { recursive: true });
for (const { part } of parts) {
  const names = agencyNames(JSON.parse(readFileSync(join(files.pages, pageFiles.names(part)), 'utf8')) as NameEntry[]);
  writeFileSync(join(site, `search/agency-names/${part}.json.gz`), gzipSync(JSON.stringify(names), { level: 9 }));
}
