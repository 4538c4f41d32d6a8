// What the data stage keeps and writes of one parsed report. Run in the parse worker (parse-worker.ts),
// beside the parsing, so the main thread only reads inputs and moves files: the report itself never
// crosses back to it. The stage's main thread uses indexedReport again when R8 rewrites a report.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { originalFile } from '../../model/corpus.ts';
import { csvLine } from '../../model/csv.ts';
import { notesOf } from '../../model/notes.ts';
import type { Report } from '../../model/report.ts';
import { summarize } from '../../model/summary.ts';
import { applicationRowPaths, cellOf } from '../../model/cell-paths.ts';
import { flatten } from './columns.ts';
import type { IndexedReport } from './corpus-index.ts';
import type { Entry } from './corpus-checks.ts';
import { reportMarkdown } from './report-files.ts';

/** A report's own downloads besides its original, by extension (downloads/reports/<id>.json …). */
export const DOWNLOADS = ['.json', '.csv', '.md'] as const;

export const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** What the corpus files need of a report, kept in the index. */
export function indexedReport(r: Report): Pick<IndexedReport, 'entry' | 'summary' | 'row' | 'csv' | 'notes'> {
  const applicants = (row: string) => applicationRowPaths(row).map((p) => cellOf(r, p) ?? null);
  const entry: Entry = {
    file: r.file,
    id: r.id,
    agencyId: r.agencyId,
    agency: r.agency,
    year: r.year,
    level: r.level,
    region: r.region,
    parent: r.parent,
    sourceUrl: r.sourceUrl,
    carriedOver: applicants('carriedOver'),
    carriedForward: applicants('carriedForward'),
  };
  const row = flatten(r);
  return { entry, summary: summarize(r), row, csv: csvLine(row), notes: notesOf(r) };
}

/** A report as the stage keeps it: its index line's parts, and the hash and original's extension of the files written. */
export type StoredReport = ReturnType<typeof indexedReport> & { out: { hash: string; ext: string } };

/**
 * Writes a report's downloads besides its original (`<prefix>.json`, `.csv`, `.md`: scratch files the
 * stage moves into place once it knows the report is kept) and returns what the stage keeps of it.
 */
export function storeReport(r: Report, csv: string, prefix: string): StoredReport {
  const json = JSON.stringify(r);
  const text: Record<(typeof DOWNLOADS)[number], string> = { '.json': json, '.csv': csv, '.md': reportMarkdown(r) };
  for (const ext of DOWNLOADS) writeFileSync(`${prefix}${ext}`, text[ext]);
  // An HTML original is stored as .html.txt, so it never runs on the site (model/corpus.ts originalFile).
  const ext = originalFile(r.id, r.file).slice(`originals/${r.id}`.length);
  return { ...indexedReport(r), out: { hash: sha(json), ext } };
}
