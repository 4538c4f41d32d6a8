// CSV out through Papa Parse: UTF-8 with a BOM so Excel shows the Chinese, and no cell that a
// spreadsheet would run as a formula (report text is untrusted).
import Papa from 'papaparse';

const FORMULA = /^[=+\-@\t\r＝＋－＠]/;

const OPTIONS = { escapeFormulae: FORMULA, newline: '\r\n' };

/** One row as a CSV line, so a corpus file can be assembled from lines kept between builds. */
export const csvLine = (row: unknown[]): string => Papa.unparse([row.map((v) => v ?? '')], OPTIONS);

/** A CSV file from its header fields and lines made by csvLine. */
export const csvWithLines = (fields: string[], lines: string[]): string => ['\uFEFF' + Papa.unparse([fields], OPTIONS), ...lines].join('\r\n');

/** Rows are objects keyed by field, or arrays in field order. */
export function toCsv(fields: string[], rows: (object | unknown[])[]): string {
  const data = rows.map((r) => (Array.isArray(r) ? r : fields.map((f) => (r as Record<string, unknown>)[f])).map((v) => v ?? ''));
  return '\uFEFF' + Papa.unparse({ fields, data }, OPTIONS);
}
