// Renders Word files off the main thread: the docx package takes ~15–25 ms a file, as long as
// everything else about a report together, so on two cores the corpus is written about twice as fast.
// The worker's clock stands at each report's publication date while it renders: docx stamps
// core.xml and every zip entry with the current time, and the same seed must give the same bytes.
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

/** One document at a time per worker (the pool's default), so the clock is this document's while it renders. */
export default async function render(doc: ReportDocument): Promise<Uint8Array> {
  now = RealDate.parse(`${doc.published}T09:00:00+08:00`);
  return renderDocx(doc);
}
