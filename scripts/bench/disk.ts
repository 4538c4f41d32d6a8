// What a build leaves on disk: bytes and files of a folder, and the size of the pages in it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Usage {
  bytes: number;
  files: number;
}

export function usage(dir: string): Usage {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Sizes of the `index.html` pages below `dir`, sorted. */
export function pageSizes(dir: string): number[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => statSync(join(e.parentPath, e.name)).size)
    .sort((a, b) => a - b);
}

export const median = (sorted: number[]) => (sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0);
