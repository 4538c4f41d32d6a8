// The shape of the corpus-wide download files, for the two writers that must write the same bytes: the
// data stage from its reports, and the hub of a build in shards from its shards' files (scripts/shards/merge.ts).
import { csvLine, type CsvValue } from '../../model/csv.ts';
import { NOTE_FIELDS, type Note } from '../../model/notes.ts';
import { openArray } from './json-array.ts';

/** downloads/reports.json: `{"columns":[…],"rows":[…]}`, a row per line (json-array.ts). */
export const bulkJson = (columns: string[]) => ({ head: `{"columns":${JSON.stringify(columns)},"rows":[`, tail: ']}' });

const columnsOf = (head: string) => (JSON.parse(`${head}]}`) as { columns: string[] }).columns;

/** downloads/reports.json's columns and its rows, read one at a time. */
export async function openBulk(path: string): Promise<{ columns: string[]; rows: AsyncGenerator<CsvValue[]> }> {
  const { head, items } = await openArray<CsvValue[]>(path);
  return { columns: columnsOf(head), rows: items };
}

/** downloads/reports.json's columns, without its rows. */
export async function bulkColumns(path: string): Promise<string[]> {
  const { head, close } = await openArray(path);
  close();
  return columnsOf(head);
}

/** A finding's line of checks.csv. */
export const checksLine = (n: Note): string => csvLine(NOTE_FIELDS.map((f) => n[f as keyof Note] as CsvValue));
