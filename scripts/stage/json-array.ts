// The corpus-wide JSON files (reports.json, notes.json, agencies.json, revisions.json, the rows of
// downloads/reports.json, the page data's runs) are written one element per line: still one JSON value
// for whoever reads the file whole, and a file the hub of a build in shards reads element by element,
// since a national corpus's are gigabytes (scripts/shards/merge.ts). JSON.stringify never writes a raw
// line break, so a line is an element. Written synchronously through a buffer, to a temporary name
// renamed into place: a crash never leaves half a file.
import { closeSync, createReadStream, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

const FLUSH = 1 << 20;

/** Where text is written piece by piece: `write`, then `close`. */
export interface Sink {
  write(text: string): void;
  close(): void;
}

/** A file written piece by piece: `write`, then `close` to put it in place. */
export class FileWriter implements Sink {
  readonly path: string;
  private readonly temp: string;
  private readonly fd: number;
  private buffer = '';

  constructor(path: string) {
    this.path = path;
    mkdirSync(dirname(path), { recursive: true });
    this.temp = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.temp, 'w');
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= FLUSH) this.flush();
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.temp, this.path);
  }
}

/**
 * A JSON array written one element per line, between `head` (default `[`) and `tail` (default `]`):
 * `{"columns":[…],"rows":[` and `]}` make downloads/reports.json.
 */
export class ArrayWriter<T = unknown> {
  private readonly file: Sink;
  private readonly tail: string;
  private first = true;
  /** Elements written so far. */
  count = 0;

  constructor(to: string | Sink, { head = '[', tail = ']' } = {}) {
    this.file = typeof to === 'string' ? new FileWriter(to) : to;
    this.tail = tail;
    this.file.write(head);
  }

  add(item: T): void {
    this.file.write(`${this.first ? '\n' : ',\n'}${JSON.stringify(item)}`);
    this.first = false;
    this.count++;
  }

  close(): void {
    this.file.write(`\n${this.tail}`);
    this.file.close();
  }
}

/** Writes `items` as a one-element-per-line array and returns how many there were. */
export function writeArray<T>(path: string, items: Iterable<T>, options?: { head?: string; tail?: string }): number {
  const out = new ArrayWriter<T>(path, options);
  for (const item of items) out.add(item);
  out.close();
  return out.count;
}

/** The head of an array file (its first line) and its elements, read one at a time. */
export async function openArray<T>(path: string): Promise<{ head: string; items: AsyncGenerator<T>; close: () => void }> {
  const input = createReadStream(path, 'utf8');
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  const head = first.done ? '' : first.value;
  if (!head.endsWith('[')) throw new Error(`${path} is not a JSON array written one element per line: rebuild it with this version of nianbao.`);
  async function* items(): AsyncGenerator<T> {
    for (let line = await lines.next(); !line.done; line = await lines.next()) {
      const text = line.value.endsWith(',') ? line.value.slice(0, -1) : line.value;
      if (text === '' || /^\]\}?$/.test(text)) continue;
      yield JSON.parse(text) as T;
    }
  }
  // Lines not taken are read ahead and held: a reader that stops early closes the file.
  return { head, items: items(), close: () => input.destroy() };
}

/** The elements of an array file, one at a time. */
export async function* readArray<T>(path: string): AsyncGenerator<T> {
  yield* (await openArray<T>(path)).items;
}
