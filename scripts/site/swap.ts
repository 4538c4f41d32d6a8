// Build aside, then publish in one step. `dist` is a symbolic link to a complete build in
// `<dist>.builds/<name>/`; a new build is written in a folder of its own there and published by
// renaming a new link over `dist` (rename(2) replaces it atomically: a reader sees the old site or the
// new one, never a missing page). A failed or killed build leaves the previous site served; its folder
// is removed by the next build. Old builds are deleted last (performance-notes.md B.6: deleting a big
// tree is slow). The only two-step switch is the first one, from a `dist/` folder of an older nianbao.
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const buildsDir = (dist: string) => `${dist}.builds`;

/** The build folder `dist` points to, if it is a link to one. */
export function currentBuild(dist: string): string | undefined {
  if (!existsSync(dist) || !lstatSync(dist).isSymbolicLink()) return undefined;
  return join(dirname(dist), readlinkSync(dist));
}

/** A new, empty build folder; folders of killed builds (any build `dist` does not point to) are removed. */
export async function newBuild(dist: string): Promise<string> {
  await removeBuilds(dist);
  const dir = join(buildsDir(dist), `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Points `dist` at `build` in one rename. */
export async function publish(dist: string, build: string, log: (message: string) => void): Promise<void> {
  const link = `${dist}.link-${process.pid}`;
  await rm(link, { force: true });
  // Relative, so the checkout can be moved.
  await symlink(join(basename(buildsDir(dist)), basename(build)), link);
  if (existsSync(dist) && !lstatSync(dist).isSymbolicLink()) {
    // A real folder cannot be replaced by a link in one step: move it aside first.
    const aside = join(buildsDir(dist), 'before-links');
    await rm(aside, { recursive: true, force: true });
    await rename(dist, aside);
    log(`${dist}/ was a folder; it is now a link to the current build in ${buildsDir(dist)}/`);
  }
  await rename(link, dist);
}

/** Removes every build but the one `dist` points to. */
export async function removeBuilds(dist: string): Promise<void> {
  const current = currentBuild(dist);
  const builds = buildsDir(dist);
  // Killed during the first switch: the old folder is the only site there is until a build completes.
  const keep = existsSync(dist) ? current : join(builds, 'before-links');
  const names = await readdir(builds).catch(() => []);
  await Promise.all(
    names
      .map((n) => join(builds, n))
      .filter((p) => p !== keep)
      .map((p) => rm(p, { recursive: true, force: true })),
  );
  // Links a killed build never renamed, and leftovers of the two-rename swap of earlier versions.
  const links = (await readdir(dirname(dist))).filter((n) => n.startsWith(`${basename(dist)}.link-`)).map((n) => join(dirname(dist), n));
  await Promise.all([...links, `${dist}.new`, `${dist}.old`].map((p) => rm(p, { recursive: true, force: true })));
}
