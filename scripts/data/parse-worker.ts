// A worker thread of the parse pool: parses the files it is sent and answers with the outcome and
// the report's own CSV, the costliest of its downloads to render.
import { parentPort } from 'node:worker_threads';
import { parseBytes } from '../parser/index.ts';
import { reportCsv } from './report-files.ts';

parentPort!.on('message', async ({ id, file, bytes }: { id: number; file: string; bytes: Uint8Array }) => {
  try {
    const outcome = await parseBytes(file, bytes);
    parentPort!.postMessage({ id, outcome, csv: 'report' in outcome ? reportCsv(outcome.report) : undefined });
  } catch (error) {
    // A parser bug, not bad input: keep its stack for the maintainer, and keep going.
    parentPort!.postMessage({ id, outcome: { error: `internal parser error, please report it: ${(error as Error).stack}` } });
  }
});
