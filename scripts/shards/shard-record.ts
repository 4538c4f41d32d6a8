// What a shard's build leaves beside its pages (shards/<name>/shard.json): what they were built from,
// so the next build can keep them, and what the build cost (read by
// the bench).
import { z } from 'zod';

export const shardRecord = z.object({
  name: z.string(),
  /** Hash of the site's code and of every file its pages are made from (shard-stamp.ts). */
  stamp: z.string(),
  reports: z.number(),
  /** Whether this build rendered and indexed the pages, or kept them. */
  rebuilt: z.boolean(),
  seconds: z.object({ data: z.number(), astro: z.number(), pagefind: z.number(), total: z.number() }),
  /** Peak resident memory of the shard's process, in bytes. */
  maxRss: z.number(),
});
export type ShardRecord = z.infer<typeof shardRecord>;
