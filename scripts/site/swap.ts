// Build aside, then swap: the previous site stays served until the new one is complete, and a failed
// build leaves it untouched (performance-notes.md B.6: deleting a big tree is slow, so it goes last).
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

/** The sibling folder a build writes into before it replaces `dist`. */
export const stagingDir = (dist: string) => `${dist}.new`;

export async function swapInto(dist: string): Promise<void> {
  const old = `${dist}.old`;
  await rm(old, { recursive: true, force: true });
  if (existsSync(dist)) await rename(dist, old);
  await rename(stagingDir(dist), dist);
  await rm(old, { recursive: true, force: true });
}
