// The nianbao command.
//   parse <file>...   one JSON line per file on stdout, in order: its report (data-contract.md) or
//                     {"file","error"}; exit 1 if any failed. Each file is parsed in the worker pool
//                     within its budget, so a file that crashes or hangs the parser still gets its line.
//   check             parse content/ and print what a maintainer should act on; exit 1 if a file could not be read
//   data              run the data stage (content/ → generated/) and print its timing
// Options for check and data: --content DIR (default content), --out DIR (default generated).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { problemOf, readInput } from './data/inputs.ts';
import { parsePool, type Parsed } from './data/pool.ts';
import { checkSummary } from './check-summary.ts';
import { runDataStage } from './data/stage.ts';
import { lockBuild } from './site/build-lock.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { content: { type: 'string', default: 'content' }, out: { type: 'string', default: 'generated' }, workers: { type: 'string' } },
});
const [command, ...files] = positionals;
/** The data stage, holding the build lock of its generated folder (a build may be writing it). */
async function stage() {
  const release = await lockBuild([resolve(values.out)], (m) => console.error(m));
  try {
    return await runDataStage({ contentDir: values.content, outDir: values.out, workers: values.workers ? Number(values.workers) : undefined });
  } finally {
    await release();
  }
}

if (command === 'parse' && files.length) {
  process.exitCode = (await parseEach(files)) ? 1 : 0;
} else if (command === 'check') {
  const result = await stage();
  console.log(checkSummary(result));
  process.exitCode = result.info.errors.length ? 1 : 0;
} else if (command === 'data') {
  const { info, counts, seconds } = await stage();
  console.log(
    `data stage: ${info.reports} reports, ${info.errors.length} files not read, ${seconds.total.toFixed(2)} s (parse ${seconds.parse.toFixed(2)} s, write ${seconds.write.toFixed(2)} s, of which Parquet and data package ${seconds.downloads.toFixed(2)} s; ${counts.added} new, ${counts.changed} changed, ${counts.fresh} unchanged, ${counts.removed} removed)`,
  );
} else {
  console.error(
    'usage: npm run -s nianbao -- parse <file>...\n       npm run nianbao -- check [--content DIR] [--out DIR]\n       npm run nianbao -- data [--content DIR] [--out DIR]',
  );
  process.exitCode = 2;
}

/** Prints each file's line in order, parsing a few at a time; returns how many failed. */
async function parseEach(paths: string[]): Promise<number> {
  const pool = parsePool();
  const answer = async (file: string): Promise<Parsed> => {
    try {
      return await pool.parse(file, (await readInput(file)).bytes);
    } catch (error) {
      return { error: problemOf(error) };
    }
  };
  let failed = 0;
  try {
    const ahead: Promise<Parsed>[] = [];
    for (let i = 0; i < paths.length; i++) {
      while (ahead.length < 4 && i + ahead.length < paths.length) ahead.push(answer(paths[i + ahead.length]));
      const parsed = await ahead.shift()!;
      if ('report' in parsed) {
        process.stdout.write(JSON.stringify(parsed.report) + '\n');
        continue;
      }
      failed++;
      const error = 'error' in parsed ? parsed.error : 'failure' in parsed ? parsed.failure : 'no report';
      console.error(`${paths[i]}: ${error}${'stack' in parsed && parsed.stack ? `\n${parsed.stack}` : ''}`);
      process.stdout.write(JSON.stringify({ file: paths[i], error }) + '\n');
    }
  } finally {
    await pool.close();
  }
  return failed;
}
