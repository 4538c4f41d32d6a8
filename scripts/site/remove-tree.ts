// Removes a folder and all it holds: a site is a million files at national scale. The promise API's rm
// keeps a promise per entry of a folder (a site's reports/ holds one per report: 425 MiB to remove 60,000
// folders); rmSync walks the tree in C++ (Node 24) in a few MiB, but on the main thread it would stop the
// event loop for minutes, and with it the build lock's refresh (build-lock.ts), which then goes stale. So
// rmSync runs in a worker thread, and the build goes on refreshing its lock meanwhile.
import { lstatSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const REMOVE = `require('node:fs').rmSync(require('node:worker_threads').workerData, { recursive: true, force: true })`;

/** Removes `path` (a folder with all it holds, a file or a link), if it exists. */
export async function removeTree(path: string): Promise<void> {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory()) return rmSync(path, { force: true });
  await new Promise<void>((resolve, reject) => {
    const worker = new Worker(REMOVE, { eval: true, workerData: path });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Removing ${path} stopped (exit code ${code}).`))));
  });
}
