import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { workerPool } from '../../scripts/worker-pool.ts';

const WORKER = new URL('./fixtures/budget-worker.ts', import.meta.url);
const budget = { seconds: 1, memoryMb: 64 };

describe('workerPool', () => {
  test('a task over its time, out of memory or killing its worker is reported, and the next task still runs', async () => {
    const pool = workerPool<string, string>(WORKER, { threads: 1, budget });
    try {
      expect(await pool.run('hang')).toEqual({ failure: 'took longer than 1 s; nianbao gave up on it (please report the file)' });
      expect(await pool.run('exit')).toEqual({ failure: expect.stringContaining("the parser's worker stopped on it") });
      expect(await pool.run('a')).toBe('done a');
    } finally {
      await pool.close();
    }
  }, 30_000);

  test('a task that fills its memory is reported as such, before its time is up', async () => {
    const pool = workerPool<string, string>(WORKER, { threads: 1, budget: { seconds: 20, memoryMb: 64 } });
    try {
      expect(await pool.run('memory')).toEqual({ failure: 'the parser ran out of memory on it (over 64 MB); nianbao gave up on it (please report the file)' });
      expect(await pool.run('c')).toBe('done c');
    } finally {
      await pool.close();
    }
  }, 30_000);

  test('the budget starts when a worker takes the task, not while it waits for one', async () => {
    const pool = workerPool<string, string>(WORKER, { threads: 1, budget });
    try {
      // The second waits a full second behind the first, then gets its own second.
      expect(await Promise.all([pool.run('hang'), pool.run('b')])).toEqual([{ failure: expect.stringContaining('took longer') }, 'done b']);
    } finally {
      await pool.close();
    }
  }, 30_000);

  test('the process exits once the pool is closed, even after a stuck task', () => {
    const script = `
      import { workerPool } from ${JSON.stringify(new URL('../../scripts/worker-pool.ts', import.meta.url).pathname)};
      const pool = workerPool(new URL(${JSON.stringify(WORKER.href)}), { threads: 2, budget: { seconds: 1, memoryMb: 64 } });
      const answers = await Promise.all(['hang', 'x', 'hang'].map((t) => pool.run(t)));
      console.log(JSON.stringify(answers.map((a) => typeof a === 'string' ? a : 'failed')));
      await pool.close();`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.signal).toBeNull(); // not killed by the timeout: it exited by itself
    expect(run.stdout.trim()).toBe('["failed","done x","failed"]');
  }, 30_000);
});
