// One build at a time per checkout: two builds writing the same generated/ folder would publish a site
// made of both. proper-lockfile (maintained, used by npm itself for years) makes the lock a folder
// created atomically and refreshes its time while the build runs, so the lock of a build that was
// killed goes stale and is taken over instead of blocking every later build.
//
// A build can also lose its lock without dying: paused (a suspended terminal, a frozen VM) past the
// stale time, it finds on waking that another build took the lock over and maybe published. It must
// then stop before publishing, or the site would go back to its older content: `lost()` says whether the
// lock is still this build's (proper-lockfile's own report comes only on its next refresh, which may be
// after the build has published), and swap.ts publish() asks it just before the rename.
import { mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

interface LockFile {
  lock(file: string, options: object): Promise<() => Promise<void>>;
}
const lockfile = createRequire(import.meta.url)('proper-lockfile') as LockFile;

/** Refreshed every 5 s; a lock not refreshed for 20 s belongs to a build that is gone. */
const STALE_MS = 20_000;

export interface BuildLock {
  release(): Promise<void>;
  /** Why the lock is no longer this build's, or undefined while it is. */
  lost(): Promise<string | undefined>;
}

/** The lock folder's identity: a build that takes a stale lock over removes the folder and makes its own. */
const identity = async (lockPath: string) => {
  const s = await stat(lockPath);
  return `${s.ino}:${s.birthtimeMs}:${s.dev}`;
};

/**
 * Locks each of `paths` (the generated folder and the site, a shard's folder), waiting while another build
 * holds one. The locks are released on exit too (proper-lockfile).
 */
export async function lockBuild(paths: string[], log: (message: string) => void): Promise<BuildLock> {
  const held: { lockPath: string; release: () => Promise<void>; id: string }[] = [];
  const compromised: string[] = [];
  for (const path of paths) {
    const lockPath = `${path}.lock`;
    await mkdir(dirname(lockPath), { recursive: true });
    for (let waited = false; ;) {
      try {
        const release = await lockfile.lock(path, {
          realpath: false,
          lockfilePath: lockPath,
          stale: STALE_MS,
          update: STALE_MS / 4,
          onCompromised: (error: Error) => {
            compromised.push(`${lockPath}: ${error.message}`);
            log(`warning: the build lock ${lockPath} was lost (${error.message}); another build may be running, and this one will not publish`);
          },
        });
        held.push({ lockPath, release, id: await identity(lockPath) });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
        if (!waited) log(`Another build of this checkout is running (it holds ${lockPath}); waiting for it to finish …`);
        waited = true;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }
  return {
    release: async () => {
      for (const { release } of held.reverse()) await release().catch(() => {});
    },
    lost: async () => {
      if (compromised.length) return compromised.join('; ');
      for (const { lockPath, id } of held) {
        const now = await identity(lockPath).catch(() => undefined);
        if (now === undefined) return `${lockPath} is gone: another build took it over and finished`;
        if (now !== id) return `${lockPath} was taken over by another build`;
      }
      return undefined;
    },
  };
}
