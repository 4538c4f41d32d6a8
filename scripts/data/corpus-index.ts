// What the data stage remembers of every input between builds, one JSON line per file: its hash,
// and either its error or what the corpus files need of its report (so an unchanged file is not
// parsed, nor its report read, again). Streamed: at 100k reports it is hundreds of MB.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Summary } from '../../model/summary.ts';
import type { Entry } from './corpus-checks.ts';
import type { Note } from '../../model/notes.ts';

export interface Indexed {
  file: string;
  /** Of the input bytes. */
  sha: string;
  /** The file's size and modification time when it was hashed. */
  size?: number;
  mtimeMs?: number;
  error?: string;
  entry?: Entry;
  summary?: Summary;
  /** The report's line of reports.json, and of reports.csv as written by Papa Parse. */
  row?: unknown[];
  csv?: string;
  notes?: Note[];
  /** R8 messages the written report carries. */
  r8?: string[];
  /** Hash and extension of the files written for the report; absent when they were removed. */
  out?: { hash: string; ext: string };
}

export async function readIndex(path: string): Promise<Indexed[]> {
  const lines: Indexed[] = [];
  try {
    const input = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    for await (const line of input) if (line) lines.push(JSON.parse(line) as Indexed);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return lines;
}

export async function writeIndex(path: string, lines: Iterable<Indexed>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(temp, 'utf8');
  for (const line of lines) if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  await rename(temp, path);
}

export const removeIndex = (path: string) => rm(path, { force: true });
