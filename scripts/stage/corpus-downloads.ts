// The corpus-wide downloads made from the bulk files: each bulk CSV again with Chinese headers, the Parquet
// tables and datapackage.json. One pass over the bulk rows and one over the findings, each an iterable
// (or async iterable) in corpus order, never an array of the corpus: the one-go data stage passes its rows,
// the hub of a build in shards its merged rows. Both must write the same bytes for the same corpus.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CsvValue } from '../../model/csv.ts';
import type { Note } from '../../model/notes.ts';
import { chineseName, withChineseHeader } from './chinese-csv.ts';
import { BULK_CSV, DATA_PACKAGE, dataPackage } from './data-package.ts';
import { fileIo } from './io.ts';
import { ParquetFile } from './parquet-file.ts';
import {
  CELLS,
  CHECKS,
  cellRecords,
  checkRecord,
  DICTIONARY,
  dictionaryRecords,
  parquetColumns,
  REPORTS,
  reportRecord,
  yearOf,
  type Table,
} from './parquet-tables.ts';

export interface CorpusRows {
  /** reports.csv's rows (scripts/stage/columns.ts COLUMNS order), in corpus order. */
  rows: Iterable<readonly CsvValue[]> | AsyncIterable<readonly CsvValue[]>;
  /** checks.csv's findings, in the same order. */
  checks: Iterable<Note> | AsyncIterable<Note>;
}

/** Writes them into `downloads` (the folder served as /data/, which already holds the bulk CSV files). */
export async function writeCorpusDownloads(downloads: string, { rows, checks }: CorpusRows): Promise<void> {
  for (const b of BULK_CSV)
    await withChineseHeader(
      join(downloads, b.file),
      join(downloads, chineseName(b.file)),
      b.fields.map((f) => f.label),
    );

  const dir = join(downloads, 'parquet');
  mkdirSync(dir, { recursive: true });
  const open = (t: Table, suffix = '') => new ParquetFile(join(dir, `${t.name}${suffix}.parquet`), parquetColumns(t));
  const reports = open(REPORTS);
  const cells = new Map<number, ParquetFile>();
  for await (const row of rows) {
    reports.add(reportRecord(row));
    const year = yearOf(row);
    let file = cells.get(year);
    if (!file) cells.set(year, (file = open(CELLS, `-${year}`)));
    for (const record of cellRecords(row)) file.add(record);
  }
  const findings = open(CHECKS);
  for await (const n of checks) findings.add(checkRecord(n));
  const dictionary = open(DICTIONARY);
  for (const record of dictionaryRecords()) dictionary.add(record);
  const files = [reports, ...[...cells.values()], findings, dictionary];
  for (const f of files) f.close();
  const names = new Set(files.map((f) => f.path.slice(dir.length + 1)));
  // The years the corpus no longer has.
  for (const name of readdirSync(dir)) if (!names.has(name)) rmSync(join(dir, name), { force: true });

  const years = [...cells.keys()].sort((a, b) => a - b);
  await fileIo(downloads).write(DATA_PACKAGE, JSON.stringify(dataPackage(years), null, 1));
}
