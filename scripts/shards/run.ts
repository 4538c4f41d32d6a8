// npm run build -- --shards: a sharded build on one machine. Each shard is built by its own process
// (the same `npm run build:shard` a CI job runs), `jobs` at a time; then the hub, which assembles dist/.
// A shard whose inputs and the site's code did not change keeps its pages (build-shard.ts).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BuildInfo } from '../../model/corpus.ts';
import { buildHub, type HubOptions } from './hub.ts';
import { planShards } from './plan.ts';

export interface RunOptions extends HubOptions {
  /** Shards built at once. */
  jobs: number;
}

const BUILD_SHARD = fileURLToPath(new URL('./build-shard.ts', import.meta.url));

/** Runs one shard's build as a child process; rejects with its exit code. */
const shardProcess = (name: string, { contentDir, shardsDir, base }: HubOptions) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [BUILD_SHARD, '--shard', name, '--content', contentDir, '--shards-dir', shardsDir, '--base', base], {
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`shard ${name} failed (${signal ?? `exit code ${code}`})`))));
  });

export async function runShardedBuild(options: RunOptions): Promise<{ info: BuildInfo; timings: Record<string, number> }> {
  const started = performance.now();
  const queue = (await planShards(options.contentDir)).map((s) => s.name);
  const failed: Error[] = [];
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) await shardProcess(name, options).catch((e: Error) => failed.push(e));
  };
  await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, worker));
  // A failed shard stops the hub: publishing the site without it would drop its pages.
  if (failed.length > 0) throw new Error(`${failed.length} shard(s) failed: ${failed.map((e) => e.message).join('; ')}`);
  const shards = performance.now() - started;
  const { info, timings } = await buildHub(options);
  return { info, timings: { shards, ...timings } };
}
