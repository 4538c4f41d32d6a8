// The bench's search of one national year: the search index our build makes of one generated folder
// (src/search/search-shards.ts: by province; scripts/site/pagefind.ts), served with the search page of a
// site the bench has built (its HTML, scripts and styles, given this index's bundle list) and this
// folder's agency names. A first search is measured on it where no whole build of that year would fit
// this machine: Astro would render every report's pages first.
//   node scripts/bench/search-site.ts --generated DIR --page-from DIST --site DIR
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { agency, REPORTS_DIR } from '../../model/corpus.ts';
import type { Summary } from '../../model/summary.ts';
import { agencyNames } from '../../src/search/agency-names.ts';
import { provinceOf } from '../../src/search/provinces.ts';
import { bundlesOf, searchShards, shardSize } from '../../src/search/search-shards.ts';
import { indexShards } from '../site/pagefind.ts';
import { linkTree } from '../site/link-tree.ts';

const { values } = parseArgs({ options: { generated: { type: 'string' }, 'page-from': { type: 'string' }, site: { type: 'string' } } });
if (!values.generated || !values['page-from'] || !values.site) {
  console.error('usage: node scripts/bench/search-site.ts --generated DIR --page-from DIST --site DIR');
  process.exit(2);
}
const [generated, from, site] = [values.generated, values['page-from'], values.site];
const read = (file: string) => JSON.parse(readFileSync(join(generated, file), 'utf8')) as unknown;

const reports = read('reports.json') as Summary[];
const shards = searchShards(reports);
const started = performance.now();
await indexShards(site, join(generated, REPORTS_DIR), shards);
console.log(`[search-site] ${reports.length} reports in ${shards.length} bundles, indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// The search page as the build renders it, with this index's bundles (an attribute, HTML-escaped).
const attribute = JSON.stringify(bundlesOf(shards.map(shardSize))).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const page = readFileSync(join(from, 'search/index.html'), 'utf8').replace(/data-shards="[^"]*"/, `data-shards="${attribute}"`);
mkdirSync(join(site, 'search'), { recursive: true });
writeFileSync(join(site, 'search/index.html'), page);
linkTree(join(from, '_astro'), join(site, '_astro'));
copyFileSync(join(from, 'favicon.svg'), join(site, 'favicon.svg'));
const agencies = agency.array().parse(read('agencies.json'));
const names = agencyNames(agencies.map((a) => ({ id: a.id, name: a.name, province: provinceOf(a.region)?.name })));
writeFileSync(join(site, 'search/agency-names.json.gz'), gzipSync(JSON.stringify(names), { level: 9 }));
