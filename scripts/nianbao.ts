// The nianbao command: `parse <file>...` prints one JSON report per file (JSON Lines, data-contract.md);
// `check` parses all of content/ and prints a summary a maintainer can act on; `data` runs the data
// stage that the site is built from.
import { parseFile } from './parser/index.ts';

const [command, ...args] = process.argv.slice(2);

async function parse(files: string[]): Promise<number> {
  let failed = 0;
  for (const file of files) {
    const outcome = await parseFile(file);
    if ('error' in outcome) failed++;
    process.stdout.write(JSON.stringify('error' in outcome ? { file, error: outcome.error } : outcome.report) + '\n');
  }
  return failed ? 1 : 0;
}

if (command === 'parse') process.exitCode = await parse(args);
else {
  console.error('usage: npm run -s nianbao -- parse <file>...');
  process.exitCode = 2;
}
