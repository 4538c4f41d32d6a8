// manifest.json of a synthetic corpus: for every file, what the generator printed in it. Cell values
// are listed once per template as `cellPaths` (the contract's dotted keys) and per file as `values`
// in that order, which keeps the manifest of 100,000 reports near 100 MB instead of a gigabyte.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Level } from '../../model/report.ts';
import type { TemplateId } from '../../model/templates.ts';
import type { Encoding } from './encode.ts';
import type { BlankStyle, BrokenCheck, Shares } from './figures.ts';
import type { Form } from './generate.ts';

export const MANIFEST = 'manifest.json';
/** Bumped whenever the generator's output changes, so a cached corpus is not reused across versions. */
export const MANIFEST_VERSION = 2;

export interface ManifestEntry {
  /** Relative to the corpus folder. */
  file: string;
  agency: string;
  level: Level;
  region: string;
  parent: string | null;
  year: number;
  title: string;
  /** ISO date of the signature block. */
  published: string;
  template: TemplateId;
  form: Form;
  /** null for docx and pdf. */
  encoding: Encoding | null;
  crlf: boolean;
  blanks: BlankStyle | null;
  /** Dotted path of the cell printed one off, or null. */
  perturbed: string | null;
  /** Checks the report fails on purpose: R1–R4 from the perturbed cell, R8 against the agency's previous year. */
  broken: BrokenCheck[];
  /** Printed value of every cell, in `cellPaths[template]` order; null where blank or a placeholder; money in 万元. */
  values: (number | null)[];
}

export interface Manifest {
  version: number;
  seed: number;
  reports: number;
  /** Reports before this index were not written (a corpus holding only the next new report). */
  from: number;
  /** The one year every agency reports, for a corpus of one year; else null. */
  year: number | null;
  shares: Shares;
  /** Share of agencies whose reports are PDFs (generate.ts CorpusOptions). */
  pdf: number;
  cellPaths: Record<TemplateId, string[]>;
  files: ManifestEntry[];
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
}

/** Everything but the file list, from the manifest's first line (the whole file is ~1 KB per report). */
export function readManifestHeader(dir: string): Omit<Manifest, 'files'> {
  const fd = openSync(join(dir, MANIFEST), 'r');
  try {
    const head = Buffer.alloc(1 << 16);
    const line = head.subarray(0, readSync(fd, head)).toString('utf8').split('\n')[0];
    return JSON.parse(line.replace(/,$/, '}')) as Omit<Manifest, 'files'>;
  } finally {
    closeSync(fd);
  }
}

/** One file's cells as `{ dottedPath: value }`. */
export function cellsOf(manifest: Manifest, entry: ManifestEntry): Map<string, number | null> {
  return new Map(manifest.cellPaths[entry.template].map((path, i) => [path, entry.values[i]]));
}
