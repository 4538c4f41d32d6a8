// The corpus: every file under content/, found recursively, in a stable order. Every one of them
// ends up as a page or in the build's error list; only hidden files, backups (name~) and
// agencies.csv are not inputs. What is not a plain file is listed with its reason and never opened:
// a folder that cannot be listed, a name that is not UTF-8 (no page or download could be named
// after it), a symbolic link (never followed, inside content/ or out: a link inside would publish
// one report twice, a link outside would publish what content/ does not hold), a named pipe
// (opening one waits for a writer forever), a socket or a device.
import type { Dirent, Stats } from 'node:fs';
import { constants } from 'node:fs';
import { open, readdir, readlink } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, dirname } from 'node:path';
import type { BuildError } from '../../model/corpus.ts';

export const AGENCIES_CSV = 'agencies.csv';

/** Larger is not a report (the largest real one, a .docx with scans, is a few MB) and would only fill memory. */
const MAX_INPUT_MB = 100;

export interface Inputs {
  /** Paths of the plain files, sorted. */
  files: string[];
  /** Everything else under content/, with its reason; `file` is its path. */
  problems: BuildError[];
}

export async function listInputs(contentDir: string): Promise<Inputs> {
  const inputs: Inputs = { files: [], problems: [] };
  // content/ itself must be there: an empty site must not replace the one being served.
  await readdir(contentDir).catch((cause) => {
    throw new Error(`${contentDir}/ cannot be listed (${codeOf(cause)}): is it the folder of reports?`, { cause });
  });
  await walk(contentDir, contentDir, inputs);
  inputs.files = inputs.files.filter((p) => relative(contentDir, p) !== AGENCIES_CSV).sort();
  return inputs;
}

async function walk(root: string, dir: string, inputs: Inputs): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = (await readdir(dir, { withFileTypes: true, encoding: 'buffer' })) as Dirent<Buffer>[];
  } catch (error) {
    inputs.problems.push({ file: dir, error: `folder ${problemOf(error)}; nothing in it was read` });
    return;
  }
  for (const entry of entries) {
    const name = entry.name.toString('utf8');
    const path = join(dir, name);
    if (!Buffer.from(name, 'utf8').equals(entry.name)) {
      const what = entry.isDirectory() ? 'folder name' : 'file name';
      inputs.problems.push({
        file: join(dir, shownName(entry.name)),
        error: `${what} is not valid UTF-8 (the odd bytes are shown as \\xNN); nianbao did not read it: rename it`,
      });
    } else if (name.startsWith('.') || name.endsWith('~')) {
      continue;
    } else if (entry.isDirectory()) {
      await walk(root, path, inputs);
    } else if (entry.isFile()) {
      inputs.files.push(path);
    } else if (entry.isSymbolicLink()) {
      inputs.problems.push({
        file: path,
        error: `is a symbolic link ${await linkTarget(root, path)}; nianbao does not follow links: put the file itself there`,
      });
    } else {
      inputs.problems.push({ file: path, error: `is ${kindOf(entry)}, not a file; nianbao did not open it` });
    }
  }
}

/** Where a link points, said without naming folders outside content/ (the list is shown on the site). */
async function linkTarget(root: string, path: string): Promise<string> {
  const target = await readlink(path).catch(() => null);
  if (target === null) return '';
  const inside = relative(resolve(root), resolve(dirname(path), target));
  return inside && !inside.startsWith('..') && !isAbsolute(inside)
    ? `(to ${inside} in the same folder of reports)`
    : '(to a place outside the folder of reports)';
}

function kindOf(entry: Dirent<Buffer> | Stats): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  if (entry.isDirectory()) return 'a folder';
  if (entry.isSymbolicLink()) return 'a symbolic link';
  return 'not a plain file';
}

/** A name with each byte that is not part of valid UTF-8 written as \xNN. */
function shownName(name: Buffer): string {
  let shown = '';
  for (let i = 0; i < name.length;) {
    const lead = name[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    const char = length ? name.subarray(i, i + length).toString('utf8') : '';
    if (length && char.length > 0 && !char.includes('\uFFFD') && Buffer.byteLength(char) === length) {
      shown += char;
      i += length;
    } else {
      shown += `\\x${lead.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return shown;
}

/** An input file's problem that is about the file, not its bytes: said, never thrown past the stage. */
export class InputProblem extends Error {}

/**
 * Reads one input without ever waiting on it or following a link: a file that became a pipe or a link
 * since it was listed is refused, not opened for reading.
 */
export async function readInput(path: string): Promise<{ bytes: Buffer; size: number; mtimeMs: number }> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new InputProblem(`is ${kindOf(stats)}, not a file; nianbao did not read it`);
    if (stats.size > MAX_INPUT_MB * 2 ** 20)
      throw new InputProblem(`is ${Math.round(stats.size / 2 ** 20)} MB; nianbao reads report files of up to ${MAX_INPUT_MB} MB`);
    return { bytes: await handle.readFile(), size: stats.size, mtimeMs: stats.mtimeMs };
  } finally {
    await handle.close();
  }
}

/** Why a file could not be read, in words, from what the file system said. */
export function problemOf(error: unknown): string {
  if (error instanceof InputProblem) return error.message;
  const code = codeOf(error);
  if (code === 'ENOENT') return 'does not exist (ENOENT): it was removed or renamed before nianbao could read it';
  if (code === 'EACCES' || code === 'EPERM') return `cannot be read: permission denied (${code}); let the user who runs the build read it`;
  if (code === 'ELOOP') return 'became a symbolic link while the build was reading it; nianbao does not follow links';
  return `cannot be read (${code})`;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;
