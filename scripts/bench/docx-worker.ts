// Renders Word files off the main thread: the docx package takes ~15 ms a file, as long as everything
// else about a report together, so on two cores the corpus is written about twice as fast.
import { parentPort } from 'node:worker_threads';
import { renderDocx } from './render-docx.ts';
import type { ReportDocument } from './report.ts';

parentPort!.on('message', async ({ id, doc }: { id: number; doc: ReportDocument }) => {
  const bytes = await renderDocx(doc);
  parentPort!.postMessage({ id, bytes }, [bytes.buffer as ArrayBuffer]);
});
