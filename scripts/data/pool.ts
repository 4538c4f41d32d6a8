// Parsing on every core, each file within a budget. One helper over Piscina (a maintained worker
// pool: it replaces a worker that dies and aborting a task terminates the worker running it): a file
// that runs past its time, exhausts its worker's memory or kills its worker gets a sentence saying so,
// the worker is replaced, and the other files go on. At most one file per worker is in memory.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Report } from '../../model/report.ts';
import type { StoredReport } from './report-outputs.ts';

/** A file's time and memory: far above a real report (under a second, tens of MB), far below a stuck build. */
export interface Budget {
  seconds: number;
  memoryMb: number;
}
export const BUDGET: Budget = { seconds: 20, memoryMb: 1024 };

/** What became of one file. */
export type Parsed =
  /** A report, and its own CSV download rendered in the worker (the costliest to render). */
  | { report: Report; csv: string }
  /** For the data stage: a report whose downloads the worker wrote, and what the stage keeps of it. */
  | { stored: StoredReport }
  /** The input's problem, in a sentence for the maintainer. */
  | { error: string }
  /** nianbao's own failure on the file (over budget, a parser bug), with the stack for the build log. */
  | { failure: string; internal?: boolean; stack?: string; stop?: boolean };

export interface Pool<T, R> {
  /** `transfer`: buffers moved to the worker, not copied (unusable here afterwards). */
  run(task: T, transfer?: ArrayBuffer[]): Promise<R | { failure: string }>;
  /** Ends every worker; the process can exit once this resolves. */
  close(): Promise<void>;
}

/** Runs `worker`'s default export on each task, `threads` at a time, each within `budget`. */
export function workerPool<T, R>(worker: URL, { threads = availableParallelism(), budget = BUDGET, workerData = undefined as unknown } = {}): Pool<T, R> {
  const size = Math.max(1, threads);
  const piscina = new Piscina<T, R>({
    filename: worker.href,
    minThreads: 0,
    maxThreads: size,
    idleTimeout: 5_000,
    resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb },
    workerData,
  });
  // A worker that dies between tasks is replaced; the pool reports it as an event, not a crash.
  piscina.on('error', () => {});
  // The clock must start when a worker takes the file, not while it waits in Piscina's queue.
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(task, transfer) {
      while (running >= size) await new Promise<void>((go) => waiting.push(go));
      running++;
      try {
        return await piscina.run(task, { signal: AbortSignal.timeout(budget.seconds * 1000), transferList: transfer });
      } catch (error) {
        return { failure: failureOf(error as NodeJS.ErrnoException, budget) };
      } finally {
        running--;
        waiting.shift()?.();
      }
    },
    close: () => piscina.destroy(),
  };
}

function failureOf(error: NodeJS.ErrnoException, budget: Budget): string {
  if (error.name === 'AbortError') return `took longer than ${budget.seconds} s; nianbao gave up on it (please report the file)`;
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return `the parser ran out of memory on it (over ${budget.memoryMb} MB); nianbao gave up on it (please report the file)`;
  return `the parser's worker stopped on it (${error.message}); please report the file`;
}

export interface ParsePool {
  /**
   * Parses `bytes`, which move to the worker: they are empty here afterwards. With `store` (a path
   * prefix), the worker writes the report's downloads there and answers `stored`.
   */
  parse(file: string, bytes: Uint8Array, store?: string): Promise<Parsed>;
  close(): Promise<void>;
}

/**
 * The parser (parse-worker.ts) in a worker pool: every file gets a Parsed, whatever happens in it.
 * `agenciesCsv`: content/agencies.csv, applied to each report the workers store. `worker`: another module with
 * parse-worker.ts's default export (a test's, to make the parser fail on a file).
 */
export function parsePool({
  agenciesCsv,
  worker = new URL('./parse-worker.ts', import.meta.url),
  ...options
}: { threads?: number; budget?: Budget; agenciesCsv?: string; worker?: URL } = {}): ParsePool {
  const pool = workerPool<{ file: string; bytes: Uint8Array; store?: string }, Parsed>(worker, { ...options, workerData: { agenciesCsv } });
  return {
    // Moved, not copied: a copy of each file for the worker cost the main thread as much as writing it.
    parse: (file, bytes, store) =>
      pool.run({ file, bytes, store }, bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : undefined),
    close: pool.close,
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
