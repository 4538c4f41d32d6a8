// Renders Word files off the main thread: the docx package takes ~15–25 ms a file, as long as
// everything else about a report together, so on two cores the corpus is written about twice as fast.
// The worker's clock stands at each report's publication date while it renders: docx stamps
// core.xml and every zip entry with the current time, and the same seed must give the same bytes.
import { parentPort } from 'node:worker_threads';
import { renderDocx } from './render-docx.ts';
import type { ReportDocument } from './synthetic-report.ts';

const RealDate = Date;
let now = 0;
globalThis.Date = class extends RealDate {
  constructor(...args: []) {
    super(...((args.length ? args : [now]) as []));
  }
  static now() {
    return now;
  }
} as DateConstructor;

parentPort!.on('message', async ({ id, doc }: { id: number; doc: ReportDocument }) => {
  now = RealDate.parse(`${doc.published}T09:00:00+08:00`);
  const bytes = await renderDocx(doc);
  parentPort!.postMessage({ id, bytes }, [bytes.buffer as ArrayBuffer]);
});
