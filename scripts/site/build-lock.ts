// One build at a time per checkout: two builds writing the same generated/ folder would publish a site
// made of both. proper-lockfile (maintained, used by npm itself for years) makes the lock a folder
// created atomically and refreshes its time while the build runs, so the lock of a build that was
// killed goes stale and is taken over instead of blocking every later build.
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

interface LockFile {
  lock(file: string, options: object): Promise<() => Promise<void>>;
}
const lockfile = createRequire(import.meta.url)('proper-lockfile') as LockFile;

/** Refreshed every 5 s; a lock not refreshed for 20 s belongs to a build that is gone. */
const STALE_MS = 20_000;

/**
 * Locks each of `paths` (the generated folder and the site), waiting while another build holds one.
 * Returns the release; the locks are released on exit too (proper-lockfile).
 */
export async function lockBuild(paths: string[], log: (message: string) => void): Promise<() => Promise<void>> {
  const releases: (() => Promise<void>)[] = [];
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
          onCompromised: (error: Error) => log(`warning: the build lock ${lockPath} was lost (${error.message}); another build may be running`),
        });
        releases.push(release);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
        if (!waited) log(`Another build of this checkout is running (it holds ${lockPath}); waiting for it to finish …`);
        waited = true;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }
  return async () => {
    for (const release of releases.reverse()) await release().catch(() => {});
  };
}
