// A worker thread of the parse pool: parses the files it is sent and answers with the outcomes.
import { parentPort } from 'node:worker_threads';
import { parseBytes } from '../parser/index.ts';

parentPort!.on('message', async ({ id, file, bytes }: { id: number; file: string; bytes: Uint8Array }) => {
  try {
    parentPort!.postMessage({ id, outcome: await parseBytes(file, bytes) });
  } catch (error) {
    // A parser bug, not bad input: keep its stack for the maintainer, and keep going.
    parentPort!.postMessage({ id, outcome: { error: `internal parser error, please report it: ${(error as Error).stack}` } });
  }
});
