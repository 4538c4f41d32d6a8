// The corpus: every file under content/, found recursively, in a stable order. Every one of them
// ends up as a page or in the build's error list; only hidden files and agencies.csv are not inputs.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

export const AGENCIES_CSV = 'agencies.csv';

export async function listInputs(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('~'))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => relative(contentDir, p) !== AGENCIES_CSV)
    .sort();
}
