// Parsing on every core: a fixed pool of worker threads fed one file at a time, so at most one
// file per worker is in memory however large the corpus.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseOutcome } from '../parser/index.ts';

export interface Parsed {
  outcome: ParseOutcome;
  /** The report's own CSV download, rendered in the worker. */
  csv?: string;
}

export interface Pool {
  parse(file: string, bytes: Uint8Array): Promise<Parsed>;
  close(): Promise<void>;
}

export function parsePool(size = availableParallelism()): Pool {
  const workers = Array.from({ length: Math.max(1, size) }, () => new Worker(new URL('./parse-worker.ts', import.meta.url)));
  const idle = [...workers];
  const waiting: (() => void)[] = [];
  const pending = new Map<number, (p: Parsed) => void>();
  let next = 0;
  for (const w of workers) {
    w.on('message', ({ id, ...parsed }: Parsed & { id: number }) => {
      pending.get(id)!(parsed);
      pending.delete(id);
      idle.push(w);
      waiting.shift()?.();
    });
  }
  return {
    async parse(file, bytes) {
      while (!idle.length) await new Promise<void>((r) => waiting.push(r));
      const worker = idle.pop()!;
      const id = next++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, file, bytes });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Run `task` over `items` with at most `limit` in flight. */
export async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  const run = async () => {
    while (i < items.length) await task(items[i++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
}
