// Revisions: when an agency replaces a published report's file, the portal keeps and publishes both
// versions and says so (README "The data", "Revisions"). The data stage remembers each report's original
// by its SHA-256 across builds; what it publishes of that is generated/revisions.json, in this shape.
import { ALL_PATHS, cellOf } from './cell-paths.ts';
import type { Report } from './report.ts';

/** A cell in one version of a report: the three states, or absent when that version's tables have no such cell. */
export type CellState = { state: 'number'; value: number } | { state: 'blank' } | { state: 'unknown'; reason: string } | { state: 'absent' };

export interface CellChange {
  key: string;
  before: CellState;
  after: CellState;
}

/** One replacement of a report's original file, as published (generated/revisions.json, one per revision, in reports.json's order). */
export interface Revision {
  report: string;
  /**
   * The date (YYYY-MM-DD, China Standard Time) of the build that first read the new file: what the portal
   * can vouch for. The agency changed it on that day or earlier; a file's modification time cannot say when
   * (checkouts and copies reset it).
   */
  date: string;
  /** Of the new original's bytes. */
  sha256: string;
  previous: {
    sha256: string;
    /** When a build first read the earlier file. */
    seen: string;
    /** The earlier original and its data under /data/, or null where the build no longer had them. */
    original: string | null;
    json: string | null;
    csv: string | null;
  };
  /** The table cells whose value or state differs, both versions read by the same parser; null when the earlier version could not be read. */
  changes: CellChange[] | null;
}

/** A version's folder name: the first 12 hex digits of its SHA-256. */
export const versionName = (sha256: string) => sha256.slice(0, 12);

/** Where an earlier version's files are published under /data/ (originals keep the headers of /data/originals/: README "Deploying"). */
export const revisionFiles = (id: string, sha256: string, ext: string) => ({
  original: `originals/revisions/${id}/${versionName(sha256)}${ext}`,
  json: `reports/revisions/${id}/${versionName(sha256)}.json`,
  csv: `reports/revisions/${id}/${versionName(sha256)}.csv`,
});

export function cellState(r: Report, path: string): CellState {
  const value = cellOf(r, path);
  if (typeof value === 'number') return { state: 'number', value };
  const reason = r.unknown?.[path];
  if (reason) return { state: 'unknown', reason };
  return value === null ? { state: 'blank' } : { state: 'absent' };
}

const same = (a: CellState, b: CellState) => a.state === b.state && (a.state !== 'number' || a.value === (b as { value: number }).value);

/** Every cell of either version whose value or state differs, in the data dictionary's order. */
export const cellChanges = (before: Report, after: Report): CellChange[] =>
  ALL_PATHS.flatMap(({ path }) => {
    const [b, a] = [cellState(before, path), cellState(after, path)];
    return same(a, b) ? [] : [{ key: path, before: b, after: a }];
  });
