// The one worker pool of nianbao, over Piscina (a maintained pool: it replaces a worker that dies, and
// aborting a task terminates the worker running it): the data stage's parsing (scripts/stage/pool.ts), the
// search index's bundles (scripts/site/pagefind.ts) and the bench's Word files (scripts/synthetic/docx-pool.ts).
// A task that runs past its time, exhausts its worker's memory or kills its worker gets a sentence saying
// so, the worker is replaced, and the other tasks go on.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

/** A task's time and memory. */
export interface Budget {
  seconds: number;
  memoryMb: number;
}

export interface Pool<T, R> {
  /** `transfer`: buffers moved to the worker, not copied (unusable here afterwards). */
  run(task: T, transfer?: ArrayBuffer[]): Promise<R | { failure: string }>;
  /** Ends every worker; the process can exit once this resolves. */
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Workers at once (default: one per core). */
  threads?: number;
  budget: Budget;
  /** Given to every worker (Piscina's workerData). */
  workerData?: unknown;
  /** What the workers run, as a failure names it (default: the parser). */
  name?: string;
}

/** Runs `worker`'s default export on each task, `threads` at a time, each within `budget`. */
export function workerPool<T, R>(worker: URL, { threads = availableParallelism(), budget, workerData, name = 'the parser' }: PoolOptions): Pool<T, R> {
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
  // The clock must start when a worker takes the task, not while it waits in Piscina's queue.
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(task, transfer) {
      while (running >= size) await new Promise<void>((go) => waiting.push(go));
      running++;
      try {
        return await piscina.run(task, { signal: AbortSignal.timeout(budget.seconds * 1000), transferList: transfer });
      } catch (error) {
        return { failure: failureOf(error as NodeJS.ErrnoException, budget, name) };
      } finally {
        running--;
        waiting.shift()?.();
      }
    },
    close: () => piscina.destroy(),
  };
}

function failureOf(error: NodeJS.ErrnoException, budget: Budget, name: string): string {
  if (error.name === 'AbortError') return `took longer than ${budget.seconds} s; nianbao gave up on it (please report the file)`;
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return `${name} ran out of memory on it (over ${budget.memoryMb} MB); nianbao gave up on it (please report the file)`;
  return `${name}'s worker stopped on it (${error.message}); please report the file`;
}
