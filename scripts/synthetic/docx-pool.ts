// The main thread's side of docx-worker.ts: one worker of the pool (scripts/worker-pool.ts; the machine
// has two cores), so the documents are rendered one at a time, in order.
import { workerPool } from '../worker-pool.ts';
import type { ReportDocument } from './synthetic-report.ts';

export class DocxPool {
  private pool = workerPool<ReportDocument, Uint8Array>(new URL('./docx-worker.ts', import.meta.url), {
    threads: 1,
    budget: { seconds: 60, memoryMb: 1024 },
    name: 'the Word renderer',
  });

  async render(doc: ReportDocument): Promise<Uint8Array> {
    const done = await this.pool.run(doc);
    if ('failure' in done) throw new Error(`the docx worker failed: ${done.failure}`);
    return done;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
