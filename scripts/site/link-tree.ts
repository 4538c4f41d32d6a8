// Puts a folder's files into the site as hard links instead of copies: the data stage's downloads are
// about 40,000 files and 0.8 GB at 10,000 reports, and a full copy cost the build tens of seconds. Only
// for files nianbao wrote, which are never edited in place: the data stage and Pagefind write new files
// (the data stage renames a temporary file over the old one), so a linked file keeps the bytes it had.
// Never for content/, which people edit: the published originals are copies (scripts/stage/stage.ts).
import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Mirrors `from` into `to` (created as needed), linking each file; copies across file systems. Returns the file count. */
export function linkTree(from: string, to: string): number {
  let files = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) {
      files += linkTree(source, target);
      continue;
    }
    try {
      linkSync(source, target);
    } catch (error) {
      // Another file system (EXDEV) or one without hard links (EPERM): copy.
      if (!['EXDEV', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      copyFileSync(source, target);
    }
    files++;
  }
  return files;
}
