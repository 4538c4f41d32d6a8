// The main thread's side of docx-worker.ts: one worker (the machine has two cores), requests answered
// in order of id.
import { Worker } from 'node:worker_threads';
import type { ReportDocument } from './synthetic-report.ts';

export class DocxPool {
  private worker = new Worker(new URL('./docx-worker.ts', import.meta.url));
  private waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor() {
    this.worker.on('message', ({ id, bytes }: { id: number; bytes: Uint8Array }) => {
      this.waiting.get(id)!.resolve(bytes);
      this.waiting.delete(id);
    });
    this.worker.on('error', (e) => {
      for (const w of this.waiting.values()) w.reject(new Error('the docx worker failed', { cause: e }));
      this.waiting.clear();
    });
  }

  render(doc: ReportDocument): Promise<Uint8Array> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, doc });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
