// Parses fuzz inputs off the main thread, so that a hang or a heap blow-up costs this worker, not
// the run: scripts/fuzz.ts replaces it and records the input.
import { parentPort } from 'node:worker_threads';
import type { FuzzInput } from './inputs.ts';
import { answer } from './run.ts';

parentPort!.on('message', async ({ input, compare }: { input: FuzzInput; compare: boolean }) => {
  const { report, ...rest } = await answer(input);
  parentPort!.postMessage(compare ? { report, ...rest } : rest);
});
