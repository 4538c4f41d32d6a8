// Parsing on every core, each file within a budget, in the one worker pool (scripts/worker-pool.ts): a file
// that runs past its time, exhausts its worker's memory or kills its worker gets a sentence saying so, the
// worker is replaced, and the other files go on. At most one file per worker is in memory.
import type { Report } from '../../model/report.ts';
import { workerPool, type Budget } from '../worker-pool.ts';
import type { StoredReport } from './report-outputs.ts';

/** A file's time and memory: far above a real report (under a second, tens of MB), far below a stuck build. */
const BUDGET: Budget = { seconds: 20, memoryMb: 1024 };

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
  threads,
  budget = BUDGET,
  worker = new URL('./parse-worker.ts', import.meta.url),
}: { threads?: number; budget?: Budget; agenciesCsv?: string; worker?: URL } = {}): ParsePool {
  const pool = workerPool<{ file: string; bytes: Uint8Array; store?: string }, Parsed>(worker, { threads, budget, workerData: { agenciesCsv } });
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
