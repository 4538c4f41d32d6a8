// A shard's pages are kept when nothing they are made from changed: the site's code (src/, model/,
// public/, the Astro config, the locked package versions) and the shard's generated data (its summaries,
// agencies and each report's JSON, which carries the parser's version). Hashed by content, never by
// modification time, which a checkout or a CI cache resets.
import { generatedFiles } from '../../model/generated.ts';
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Summary } from '../../model/summary.ts';
import { readGenerated } from '../../model/generated-file.ts';

const SITE_CODE = ['src', 'model', 'public', 'astro.config.mjs', 'package-lock.json'];

function hashTree(hash: Hash, root: string, path: string): void {
  if (!existsSync(path)) return;
  const files = statSync(path).isDirectory()
    ? readdirSync(path, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
        .sort()
    : [path];
  for (const file of files)
    hash
      .update(`${relative(root, file)}\n`)
      .update(readFileSync(file))
      .update('\n');
}

/**
 * The stamp of a shard whose data stage wrote `generated`, built under `base` for the portal's years (--years:
 * its agency pages count them), as a demo or not (--demo: every page carries the banner).
 */
export function shardStamp(root: string, generated: string, base: string): string {
  const hash = createHash('sha256').update(`base ${base}\nyears ${process.env.NIANBAO_YEARS ?? ''}\ndemo ${process.env.NIANBAO_DEMO === '1'}\n`);
  for (const path of SITE_CODE) hashTree(hash, root, join(root, path));
  const files = generatedFiles(generated);
  for (const file of [files.summaries, files.agencies, files.revisions]) if (existsSync(file)) hash.update(readFileSync(file));
  const summaries = readGenerated<Summary[]>(files.summaries);
  for (const { id } of summaries) hash.update(readFileSync(files.report(id)));
  return hash.digest('hex');
}
