// The published site from the hub's folder and the shards' folders, as hard links (copies across file
// systems): their files are disjoint except the hashed scripts and styles under _astro/, which two
// builds write only with the same bytes. Any other clash means two builds claimed one URL, and fails.
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function linkInto(from: string, to: string, root: string): number {
  let files = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) {
      files += linkInto(source, target, root);
      continue;
    }
    try {
      linkSync(source, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') {
        if (readFileSync(source).equals(readFileSync(target))) continue;
        throw new Error(`${target.slice(root.length + 1)} comes from two builds with different content: two shards claim the same page.`);
      }
      if (!['EXDEV', 'EPERM'].includes(code)) throw error;
      copyFileSync(source, target);
    }
    files++;
  }
  return files;
}

/** Links every folder of `sites` into `out` (created); returns the file count. */
export const assembleSite = (sites: string[], out: string): number => sites.reduce((n, site) => n + linkInto(site, out, out), 0);
