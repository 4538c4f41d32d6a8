// The nianbao command.
//   parse <file>...   one JSON report per file on stdout (JSON Lines, data-contract.md); exit 1 if any failed
//   check             parse content/ and print what a maintainer should act on; exit 1 if a file could not be read
//   data              run the data stage (content/ → generated/) and print its timing
// Options for check and data: --content DIR (default content), --out DIR (default generated).
import { parseArgs } from 'node:util';
import { parseFile } from './parser/index.ts';
import { checkSummary } from './check-summary.ts';
import { runDataStage } from './data/stage.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { content: { type: 'string', default: 'content' }, out: { type: 'string', default: 'generated' }, workers: { type: 'string' } },
});
const [command, ...files] = positionals;
const stage = () => runDataStage({ contentDir: values.content, outDir: values.out, workers: values.workers ? Number(values.workers) : undefined });

if (command === 'parse' && files.length) {
  let failed = 0;
  for (const file of files) {
    const outcome = await parseFile(file);
    if ('error' in outcome) {
      failed++;
      console.error(`${file}: ${outcome.error}`);
    }
    process.stdout.write(JSON.stringify('error' in outcome ? { file, error: outcome.error } : outcome.report) + '\n');
  }
  process.exitCode = failed ? 1 : 0;
} else if (command === 'check') {
  const result = await stage();
  console.log(checkSummary(result));
  process.exitCode = result.info.errors.length ? 1 : 0;
} else if (command === 'data') {
  const { info, counts, seconds } = await stage();
  console.log(
    `data stage: ${info.reports} reports, ${info.errors.length} files not read, ${seconds.total.toFixed(2)} s (parse ${seconds.parse.toFixed(2)} s, write ${seconds.write.toFixed(2)} s; ${counts.added} new, ${counts.changed} changed, ${counts.fresh} unchanged, ${counts.removed} removed)`,
  );
} else {
  console.error(
    'usage: npm run -s nianbao -- parse <file>...\n       npm run nianbao -- check [--content DIR] [--out DIR]\n       npm run nianbao -- data [--content DIR] [--out DIR]',
  );
  process.exitCode = 2;
}
