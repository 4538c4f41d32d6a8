// A worker of the parse pool (pool.ts): one file's bytes in, its report and CSV or its error out.
import { parseBytes } from '../parser/index.ts';
import type { Parsed } from './pool.ts';
import { reportCsv } from './report-files.ts';

// `nianbao parse` prints nothing but JSON lines on stdout, and a worker's console is the process's.
console.log = console.error;

export default async function parse({ file, bytes }: { file: string; bytes: Uint8Array }): Promise<Parsed> {
  try {
    const outcome = await parseBytes(file, bytes);
    return 'report' in outcome ? { report: outcome.report, csv: reportCsv(outcome.report) } : outcome;
  } catch (error) {
    // A parser bug, not bad input (a stack overflow lands here too): the stack is for the maintainer's
    // log, never for a page.
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { failure: "internal error in nianbao's parser (its stack trace is in the build log); please report the file", internal: true, stack };
  }
}
