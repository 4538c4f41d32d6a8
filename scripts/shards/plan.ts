// The shards of a corpus. Each folder at the top of content/ is one shard (content/44/ for a province,
// content/44-2024/ for a province-year), and the files at the top of content/ form one more, `root`.
// A shard is a folder, not a field of the parsed report such as its region, because its data stage must
// know its files before it parses them (on a machine of its own), and because everything about an
// agency (its page, R8 between its years, duplicates) needs all of its reports in one shard: a
// province's folder holds both. The hub refuses an agency that turns up in two shards.
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { BuildError } from '../../model/corpus.ts';
import { listInputs } from '../stage/inputs.ts';
import { parseYears } from '../../model/coverage.ts';

export interface ShardPlan {
  name: string;
  /** Its input files, in the data stage's order. */
  inputs: string[];
  /** What under its folder is not a readable file (links, pipes, odd names), with the reason. */
  problems: BuildError[];
}

/** A shard name is a URL path segment and a folder name: lower-case letters, digits and hyphens. */
const SHARD_NAME = /^[a-z0-9][a-z0-9-]*$/;
/** The shard of the files at the top of content/. */
export const ROOT_SHARD = 'root';
/** Names the shards folder uses for itself. */
const RESERVED = new Set([ROOT_SHARD, 'hub']);

export async function planShards(contentDir: string): Promise<ShardPlan[]> {
  const top = await readdir(contentDir, { withFileTypes: true });
  const folders = top.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  const bad = folders.filter((n) => !SHARD_NAME.test(n) || RESERVED.has(n));
  if (bad.length > 0) {
    throw new Error(
      `${bad.map((n) => join(contentDir, n)).join(', ')}: a shard folder's name must be lower-case letters, digits and hyphens (e.g. 44 or guangdong-2024), and not ${[...RESERVED].join(' or ')}. Rename it.`,
    );
  }
  const { files, problems } = await listInputs(contentDir);
  const shards = new Map<string, ShardPlan>([ROOT_SHARD, ...folders.sort()].map((name) => [name, { name, inputs: [], problems: [] }]));
  const shardOf = (file: string) => shards.get(folderShard(contentDir, file) ?? ROOT_SHARD) ?? shards.get(ROOT_SHARD)!;
  for (const file of files) shardOf(file).inputs.push(file);
  for (const problem of problems) shardOf(problem.file).problems.push(problem);
  return [...shards.values()].filter((s) => s.inputs.length + s.problems.length > 0);
}

/**
 * The build shard of an input file, as its search bundles are named (model/search-bundles.ts):
 * the folder of content/ it is in, or none for the files at the top.
 */
export function folderShard(contentDir: string, file: string): string | undefined {
  const [first, ...rest] = relative(contentDir, resolve(file)).split(sep);
  return rest.length > 0 && first !== '..' ? first : undefined;
}

/** Where a shard's build lives between builds: its data stage's folder, its pages and search index, and what they were built from. */
export const shardPaths = (shardsDir: string, name: string) => {
  const dir = join(shardsDir, name);
  return { dir, generated: join(dir, 'generated'), site: join(dir, 'site'), record: join(dir, 'shard.json') };
};

export const hubPaths = (shardsDir: string) => {
  const dir = join(shardsDir, 'hub');
  return { dir, generated: join(dir, 'generated'), site: join(dir, 'site') };
};

/**
 * `--years` of the build commands: the years the portal covers (model/coverage.ts portalYears), passed to
 * every step (and every shard's process) as NIANBAO_YEARS. A value that is not years stops the command.
 */
export function useYears(years: string | undefined): void {
  if (years === undefined) return;
  const parsed = parseYears(years);
  if (parsed instanceof Error) {
    console.error(`--years: ${parsed.message}`);
    process.exit(2);
  }
  process.env.NIANBAO_YEARS = years;
}
