// The data stage's file I/O in one small object, so tests can point a whole build at a temp folder.
// Writes go to a temporary name and are renamed into place: a crash never leaves half a file.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface Io {
  root: string;
  read(path: string): Promise<Uint8Array>;
  /** Write when the content differs from what was written last time (tracked by the caller). */
  write(path: string, data: string | Uint8Array): Promise<void>;
  /** Rename a file written under `root` to another path under it. */
  move(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  log(message: string): void;
}

export function fileIo(root: string, log: (m: string) => void = (m) => console.error(m)): Io {
  const made = new Set<string>();
  const ensure = async (dir: string) => {
    if (made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    made.add(dir);
  };
  let serial = 0;
  return {
    root,
    read: (path) => readFile(path),
    async write(path, data) {
      const target = join(root, path);
      await ensure(dirname(target));
      const temp = `${target}.${process.pid}.${serial++}.tmp`;
      await writeFile(temp, data);
      await rename(temp, target);
    },
    async move(from, to) {
      await ensure(dirname(join(root, to)));
      await rename(join(root, from), join(root, to));
    },
    remove: (path) => rm(join(root, path), { force: true }),
    log,
  };
}
