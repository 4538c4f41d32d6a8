// What the data stage remembers of every input between builds, one JSON line per file: its hash,
// and either its error or what the corpus files need of its report (so an unchanged file is not
// parsed, nor its report read, again). Streamed through the stage's Io: at 100k reports it is hundreds of MB.
import type { Summary } from '../../model/summary.ts';
import type { Entry } from './corpus-checks.ts';
import type { Note } from '../../model/notes.ts';
import type { Io } from './io.ts';

/** The input file as it was hashed. */
interface Stamp {
  file: string;
  /** Of the input bytes. */
  sha: string;
  /** The file's size and modification time when it was hashed. */
  size?: number;
  mtimeMs?: number;
}

/** An input that did not become a report because of its bytes, with the reason: not parsed again until it changes. */
interface IndexedError extends Stamp {
  error: string;
}

/** An input that became a report: what the corpus files need of it. */
export interface IndexedReport extends Stamp {
  entry: Entry;
  summary: Summary;
  /** The report's line of reports.json, and of reports.csv as written by Papa Parse. */
  row: unknown[];
  csv: string;
  notes: Note[];
  /** R8 messages the written report carries. */
  r8: string[];
  /** Hash and extension of the files written for the report; absent when they were removed. */
  out?: { hash: string; ext: string };
}

export type Indexed = IndexedError | IndexedReport;

export const isReport = (line: Indexed): line is IndexedReport => !('error' in line);

export async function readIndex(io: Io, path: string): Promise<Indexed[]> {
  const lines: Indexed[] = [];
  for await (const line of io.lines(path)) if (line) lines.push(JSON.parse(line) as Indexed);
  return lines;
}

export function writeIndex(io: Io, path: string, lines: Iterable<Indexed>): void {
  const out = io.open(path);
  for (const line of lines) out.write(JSON.stringify(line) + '\n');
  out.close();
}
