// CSV as the portal publishes it, in the data stage and in the browser (the compare page) alike: Papa Parse,
// UTF-8 with a BOM so Excel and WPS show the Chinese, CRLF lines, and no text cell that a spreadsheet would
// run as a formula (OWASP "CSV injection": report text is untrusted). Numbers stay numbers, negatives too.
import Papa from 'papaparse';

export type CsvValue = string | number | boolean | null | undefined;

/** A leading = + - @ tab or CR, half or full width (Excel reads ＝ as =). */
const FORMULA = /^[=+\-@\t\r＝＋－＠]/;

/** A text cell that could start a formula gets a leading ' (shown as text by every spreadsheet). */
export const safeCell = (v: CsvValue): CsvValue => (typeof v === 'string' && FORMULA.test(v) ? `'${v}` : v);

const OPTIONS = { newline: '\r\n' };
const BOM = '\uFEFF';
const safeRow = (row: CsvValue[]) => row.map((v) => safeCell(v ?? ''));

/** One row as a CSV line, so a corpus file can be assembled from lines kept between builds. */
export const csvLine = (row: CsvValue[]): string => Papa.unparse([safeRow(row)], OPTIONS);

/** A CSV file from its header fields and lines made by csvLine. */
export const csvWithLines = (fields: string[], lines: string[]): string => [BOM + csvLine(fields), ...lines].join('\r\n');

/** A CSV file; rows are objects keyed by field, or arrays in field order. */
export function toCsv(fields: string[], rows: (object | CsvValue[])[]): string {
  const data = rows.map((r) => (Array.isArray(r) ? r : fields.map((f) => (r as Record<string, CsvValue>)[f])));
  return BOM + Papa.unparse({ fields: safeRow(fields) as string[], data: data.map(safeRow) }, OPTIONS);
}

/** A CSV file of records, its header the first record's keys. */
export const recordsCsv = (rows: Record<string, CsvValue>[]): string => toCsv(Object.keys(rows[0] ?? {}), rows);
