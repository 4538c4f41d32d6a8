// PDF inputs for the fuzzer: the PDF fixture folders (each form nianbao reads, and the refused ones) with
// their bytes broken the ways downloads and hostile files break them: bytes flipped, cut short, ranges
// deleted or repeated, cross-reference offsets and stream lengths wrong, page counts and arrays absurd.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FuzzInput, Random } from './inputs.ts';

const FIXTURES = resolve(import.meta.dirname, '../../test/parser/fixtures');

export interface PdfSeed {
  name: string;
  bytes: Uint8Array;
}

export function loadPdfSeeds(): PdfSeed[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.startsWith('pdf-'))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(FIXTURES, f, 'input.pdf'))) }));
}

type Mutation = (b: Uint8Array, rnd: Random) => Uint8Array;
const latin = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
/** Replaces matches of `re` in the file's bytes (read as Latin-1, one character per byte) with `by`. */
const replaceSome = (b: Uint8Array, rnd: Random, re: RegExp, by: (m: string) => string): Uint8Array => {
  const text = latin(b);
  const all = [...text.matchAll(re)];
  if (!all.length) return b;
  const m = rnd.pick(all);
  return bytesOf(text.slice(0, m.index) + by(m[0]) + text.slice(m.index + m[0].length));
};

const MUTATIONS: Record<string, Mutation> = {
  flipBytes: (b, rnd) => {
    const out = b.slice();
    for (let k = rnd.int(1, 40); k > 0; k--) out[rnd.int(0, out.length - 1)] = rnd.int(0, 255);
    return out;
  },
  truncate: (b, rnd) => b.subarray(0, rnd.int(0, b.length)),
  // Cut short but still ending as a PDF does: the reader finds its end mark and must cope with the rest.
  truncateKeepEnd: (b, rnd) => new Uint8Array([...b.subarray(0, rnd.int(0, b.length)), ...bytesOf('\nstartxref\n0\n%%EOF\n')]),
  deleteRange: (b, rnd) => {
    const from = rnd.int(0, b.length - 1);
    return new Uint8Array([...b.subarray(0, from), ...b.subarray(from + rnd.int(1, 5000))]);
  },
  repeatRange: (b, rnd) => {
    const from = rnd.int(0, b.length - 1);
    const piece = b.subarray(from, from + rnd.int(1, 3000));
    const at = rnd.int(0, b.length);
    return new Uint8Array([...b.subarray(0, at), ...Array.from({ length: rnd.int(1, 20) }, () => [...piece]).flat(), ...b.subarray(at)]);
  },
  wrongOffsets: (b, rnd) => replaceSome(b, rnd, /\d{10} \d{5} n/g, () => `${String(rnd.int(0, 9_999_999_999)).padStart(10, '0')} 00000 n`),
  wrongLength: (b, rnd) => replaceSome(b, rnd, /\/Length \d+/g, () => `/Length ${rnd.pick([0, 1, 999_999_999, rnd.int(0, 100_000)])}`),
  hugeCount: (b, rnd) => replaceSome(b, rnd, /\/Count \d+/g, () => `/Count ${rnd.pick([0, 100_000, 2_147_483_647, -1])}`),
  deepArrays: (b, rnd) => {
    const at = rnd.int(0, b.length);
    return new Uint8Array([...b.subarray(0, at), ...bytesOf('['.repeat(rnd.int(100, 20_000))), ...b.subarray(at)]);
  },
  badMediaBox: (b, rnd) =>
    replaceSome(b, rnd, /\/MediaBox\s*\[[^\]]*\]/g, () => rnd.pick(['/MediaBox [0 0 0 0]', '/MediaBox [0 0 1e30 1e30]', '/MediaBox [0 0 -595 842]'])),
};

/** One mutated PDF: one to three mutations of a fixture's bytes. */
export function mutatePdf(seeds: PdfSeed[], rnd: Random): FuzzInput {
  const seed = rnd.pick(seeds);
  const how = [seed.name];
  let bytes = seed.bytes;
  for (let k = rnd.int(1, 3); k > 0; k--) {
    const name = rnd.pick(Object.keys(MUTATIONS));
    bytes = MUTATIONS[name](bytes, rnd);
    how.push(name);
  }
  return { file: 'fuzz.pdf', bytes, how: how.join(' ') };
}
