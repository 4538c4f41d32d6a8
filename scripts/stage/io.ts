// The data stage's file I/O in the generated folder, in one small object: every read, write, move and
// removal the stage makes there goes through it, so tests can point a whole build at a temp folder and
// count what it writes. Writes go to a temporary name and are renamed into place: a crash never leaves
// half a file. Synchronous writes on purpose: thousands of small files created at once through the thread
// pool contend in the kernel (9,200 files of 20 KB: 1.7 s and 2.9 s of system time async with 16 in flight,
// 0.28 s one after another), and the main thread has nothing else to do while a worker parses.
import { createReadStream, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { FileWriter, type Sink } from './json-array.ts';

/** Paths are relative to `root` (model/generated.ts IN_GENERATED). */
export interface Io {
  root: string;
  read(path: string): Promise<Buffer>;
  /** A file's lines, one at a time; none when it does not exist. */
  lines(path: string): AsyncIterable<string>;
  /** What a folder holds (a plain file, or not); nothing when it does not exist. */
  list(folder: string): Promise<{ name: string; file: boolean }[]>;
  /** Write a file whole (to a temporary name, renamed into place). */
  write(path: string, data: string | Uint8Array): Promise<void>;
  /** Write a scratch file as it is, without the temporary name: for files nothing reads until they are moved. */
  put(path: string, data: string | Uint8Array): Promise<void>;
  /** A file written piece by piece (a corpus file of a national corpus is gigabytes), put in place on `close`. */
  open(path: string): Sink;
  /** Rename a file written under `root` to another path under it. */
  move(from: string, to: string): Promise<void>;
  /** Remove a file or a folder and all it holds, if it exists. */
  remove(path: string): Promise<void>;
  log(message: string): void;
}

export function fileIo(root: string, log: (m: string) => void = (m) => console.error(m)): Io {
  const made = new Set<string>();
  const ensure = (dir: string) => {
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
  let serial = 0;
  return {
    root,
    read: (path) => readFile(join(root, path)),
    async *lines(path) {
      try {
        yield* createInterface({ input: createReadStream(join(root, path), 'utf8'), crlfDelay: Infinity });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
    list: async (folder) => (await readdir(join(root, folder), { withFileTypes: true }).catch(() => [])).map((e) => ({ name: e.name, file: e.isFile() })),
    async write(path, data) {
      const target = join(root, path);
      ensure(dirname(target));
      const temp = `${target}.${process.pid}.${serial++}.tmp`;
      writeFileSync(temp, data);
      renameSync(temp, target);
    },
    async put(path, data) {
      const target = join(root, path);
      ensure(dirname(target));
      writeFileSync(target, data);
    },
    open: (path) => new FileWriter(join(root, path)),
    async move(from, to) {
      ensure(dirname(join(root, to)));
      renameSync(join(root, from), join(root, to));
    },
    async remove(path) {
      const target = join(root, path);
      await rm(target, { recursive: true, force: true });
      for (const dir of made) if (dir === target || dir.startsWith(`${target}/`)) made.delete(dir);
    },
    log,
  };
}
