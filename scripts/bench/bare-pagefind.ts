// Bare Pagefind for the bench: the same reports' text our index holds (src/search/search-record.ts), as
// plain text that Pagefind cuts into words itself, in one index, with its Node API and nothing of ours
// (no index words, no splitting by year or province): what Pagefind costs to index that text.
//   node scripts/bench/bare-pagefind.ts --generated DIR --out DIR
import * as pagefind from 'pagefind';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedFiles } from '../../model/generated.ts';
import type { Report } from '../../model/report.ts';
import type { Summary } from '../../model/summary.ts';
import { searchBlocks, searchRecord } from '../../src/search/search-record.ts';

const { values } = parseArgs({ options: { generated: { type: 'string' }, out: { type: 'string' } } });
if (!values.generated || !values.out) {
  console.error('usage: node scripts/bench/bare-pagefind.ts --generated DIR --out DIR');
  process.exit(2);
}
const { index, errors } = await pagefind.createIndex();
if (!index) throw new Error(errors.join('; '));
const files = generatedFiles(values.generated);
const reports = JSON.parse(readFileSync(files.summaries, 'utf8')) as Summary[];
for (let i = 0; i < reports.length; i += 64) {
  const added = await Promise.all(
    reports.slice(i, i + 64).map((s) => {
      const r = JSON.parse(readFileSync(files.report(s.id), 'utf8')) as Report;
      return index.addCustomRecord({ ...searchRecord(r), content: searchBlocks(r).join('\n') });
    }),
  );
  const failed = added.flatMap((a) => a.errors);
  if (failed.length > 0) throw new Error(failed.join('; '));
}
const written = await index.writeFiles({ outputPath: values.out });
if (written.errors.length > 0) throw new Error(written.errors.join('; '));
await pagefind.close();
