// Build aside, then publish in one step. `dist` is a symbolic link to a complete build in
// `<dist>.builds/<name>/`; a new build is written in a folder of its own there and published by
// renaming a new link over `dist` (rename(2) replaces it atomically: a reader sees the old site or the
// new one, never a missing page). A failed or killed build leaves the previous site served; its folder
// is removed by the next build. Old builds are deleted last (performance-notes.md B.6: deleting a big
// tree is slow). The only two-step switch is the first one, from a `dist/` folder of an older nianbao.
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import type { BuildLock } from './build-lock.ts';
import { removeTree } from './remove-tree.ts';

const buildsDir = (dist: string) => `${dist}.builds`;

/** The build folder `dist` points to, if it is a link to one. */
function currentBuild(dist: string): string | undefined {
  if (!existsSync(dist) || !lstatSync(dist).isSymbolicLink()) return undefined;
  return join(dirname(dist), readlinkSync(dist));
}

/** A new, empty build folder; folders of killed builds (any build `dist` does not point to) are removed. */
export async function newBuild(dist: string): Promise<string> {
  await removeBuilds(dist);
  // Named for the time it is made (publish() compares it with the live build's).
  const dir = join(buildsDir(dist), `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** When a build folder was made: its name starts with the time (newBuild); the folder of an older nianbao's site is the oldest. */
const madeAt = (build: string) => (basename(build) === 'before-links' ? '' : basename(build));

/**
 * Points `dist` at `build` in one rename, if this build may still publish: it holds its lock (`lock`, see
 * build-lock.ts) and no newer build is live (one that started after it, and published while it waited or
 * was paused). Otherwise it throws, and the site stays as it is.
 */
export async function publish(dist: string, build: string, log: (message: string) => void, lock?: BuildLock): Promise<void> {
  const lost = await lock?.lost();
  if (lost) throw new Error(`Not published: this build's lock was lost (${lost}); the site served is another build's`);
  const live = currentBuild(dist);
  if (live && existsSync(live) && madeAt(live) > madeAt(build)) {
    throw new Error(`Not published: ${basename(live)}, live at ${dist}, is newer than this build (${basename(build)})`);
  }
  const link = `${dist}.link-${process.pid}`;
  await rm(link, { force: true });
  // Relative, so the checkout can be moved.
  await symlink(join(basename(buildsDir(dist)), basename(build)), link);
  if (existsSync(dist) && !lstatSync(dist).isSymbolicLink()) {
    // A real folder cannot be replaced by a link in one step: move it aside first.
    const aside = join(buildsDir(dist), 'before-links');
    await removeTree(aside);
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
  for (const name of await readdir(builds).catch(() => [])) if (join(builds, name) !== keep) await removeTree(join(builds, name));
  // Links a killed build never renamed, and leftovers of the two-rename swap of earlier versions.
  const links = (await readdir(dirname(dist))).filter((n) => n.startsWith(`${basename(dist)}.link-`)).map((n) => join(dirname(dist), n));
  for (const p of [...links, `${dist}.new`, `${dist}.old`]) await removeTree(p);
}

/** Staging folders of builds whose site is outside the project, in `.astro/` (Astro's own folder there). */
const STAGING = join(process.cwd(), '.astro');

/**
 * Where to build the site that will be `build`: `build` itself when it is inside the project, else a
 * staging folder in the project. Astro 7 writes its prerender chunks into a site inside the project but
 * into the project's shared .astro/ for one outside it, where two builds at once overwrite each other's
 * (scripts/site/astro.ts does the same for shards), and it moves its assets into the site by
 * rename, which fails across file systems (EXDEV). copyToBuild() then moves the staged site into `build`:
 * a rename, or a copy when `build` is on another file system, so that the publishing rename happens on
 * the target's own. Staging folders of builds that are gone are removed.
 */
export async function workFolder(build: string): Promise<string> {
  if (build.startsWith(process.cwd() + sep)) return build;
  await mkdir(STAGING, { recursive: true });
  const gone = (await readdir(STAGING)).filter((n) => /^site-\d+$/.test(n) && !alive(Number(n.slice(5))));
  for (const n of gone) await removeTree(join(STAGING, n));
  const work = join(STAGING, `site-${process.pid}`);
  await removeTree(work);
  await mkdir(work);
  return work;
}

/** Moves a staged site into its (empty) build folder: one rename, or a copy across file systems. */
export async function copyToBuild(work: string, build: string): Promise<void> {
  if (work === build) return;
  await removeTree(build);
  await rename(work, build).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EXDEV') throw error;
    await cp(work, build, { recursive: true });
    await removeTree(work);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};
