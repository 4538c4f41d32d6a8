// The corpus-wide files of a generated folder (model/generated.ts): reports.json, agencies.json, notes.json,
// revisions.json, the bulk downloads (reports.json, reports.csv, checks.csv) and the data dictionary. One
// writer for both that write them, so they cannot drift apart: the data stage, from its index of reports,
// and the hub of a build in shards, from its shards' files (scripts/shards/merge.ts). Written element by
// element in corpus order through the stage's Io, never holding the corpus (json-array.ts).
import type { Agency } from '../../model/corpus.ts';
import { csvLine, toCsv, type CsvValue } from '../../model/csv.ts';
import { IN_GENERATED } from '../../model/generated.ts';
import { inChecksCsv, NOTE_FIELDS, type Note } from '../../model/notes.ts';
import type { Revision } from '../../model/revisions.ts';
import type { Summary } from '../../model/summary.ts';
import { bulkJson, checksLine } from './bulk-files.ts';
import { COLUMNS, DICTIONARY_COLUMNS } from './columns.ts';
import { ArrayWriter } from './json-array.ts';
import type { Io } from './io.ts';

/** What the corpus files hold of one report. */
export interface CorpusReport {
  summary: Summary;
  /** Its row of the bulk downloads (COLUMNS order). */
  row: readonly unknown[];
  /** The row as a line of reports.csv, when it was kept from an earlier build. */
  csv?: string;
  notes: readonly Note[];
}

/** Writes the corpus files: `report`, `agency` and `revision` each in corpus order, then `close`. */
export function corpusFiles(io: Io, columns: string[] = COLUMNS.map((c) => c.key)) {
  const files = {
    summaries: new ArrayWriter<Summary>(io.open(IN_GENERATED.summaries)),
    agencies: new ArrayWriter<Agency>(io.open(IN_GENERATED.agencies)),
    notes: new ArrayWriter<Note>(io.open(IN_GENERATED.notes)),
    revisions: new ArrayWriter<Revision>(io.open(IN_GENERATED.revisions)),
    rows: new ArrayWriter<readonly unknown[]>(io.open(IN_GENERATED.bulkJson), bulkJson(columns)),
  };
  const csv = io.open(IN_GENERATED.bulkCsv);
  const checks = io.open(IN_GENERATED.checksCsv);
  csv.write(`\uFEFF${csvLine(columns)}`);
  checks.write(`\uFEFF${csvLine(NOTE_FIELDS)}`);
  const years = new Set<number>();
  return {
    report({ summary, row, csv: line, notes }: CorpusReport): void {
      files.summaries.add(summary);
      files.rows.add(row);
      csv.write(`\r\n${line ?? csvLine(row as CsvValue[])}`);
      for (const n of notes) {
        files.notes.add(n);
        if (inChecksCsv(n)) checks.write(`\r\n${checksLine(n)}`);
      }
      years.add(summary.year);
    },
    agency: (a: Agency) => files.agencies.add(a),
    revision: (v: Revision) => files.revisions.add(v),
    /** Puts every file in place and says how many reports and agencies, and which years, they hold. */
    async close(): Promise<{ reports: number; agencies: number; years: number[] }> {
      for (const f of Object.values(files)) f.close();
      csv.close();
      checks.close();
      await io.write(IN_GENERATED.dictionaryJson, JSON.stringify(COLUMNS, null, 1));
      await io.write(
        IN_GENERATED.dictionaryCsv,
        toCsv(
          DICTIONARY_COLUMNS.map((c) => c.key),
          COLUMNS,
        ),
      );
      return { reports: files.summaries.count, agencies: files.agencies.count, years: [...years].sort() };
    },
  };
}
