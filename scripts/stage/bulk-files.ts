// The shape of the corpus-wide download files, for the two writers that must write the same bytes: the
// data stage from its reports, and the hub of a build in shards from its shards' files (scripts/shards/merge.ts).
import { csvLine, type CsvValue } from '../../model/csv.ts';
import { NOTE_FIELDS, type Note } from '../../model/notes.ts';
import { openArray } from './json-array.ts';

/** downloads/reports.json: `{"columns":[…],"rows":[…]}`, a row per line (json-array.ts). */
export const bulkJson = (columns: string[]) => ({ head: `{"columns":${JSON.stringify(columns)},"rows":[`, tail: ']}' });

/** downloads/reports.json's columns and its rows, read one at a time. */
export async function openBulk(path: string): Promise<{ columns: string[]; rows: AsyncGenerator<CsvValue[]> }> {
  const { head, items } = await openArray<CsvValue[]>(path);
  return { columns: (JSON.parse(`${head}]}`) as { columns: string[] }).columns, rows: items };
}

/** A finding's line of checks.csv. */
export const checksLine = (n: Note): string => csvLine(NOTE_FIELDS.map((f) => n[f as keyof Note] as CsvValue));
