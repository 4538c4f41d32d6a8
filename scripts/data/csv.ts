// CSV out through Papa Parse: UTF-8 with a BOM so Excel shows the Chinese, and no cell that a
// spreadsheet would run as a formula (report text is untrusted).
import Papa from 'papaparse';

const FORMULA = /^[=+\-@\t\r＝＋－＠]/;

export function toCsv(fields: string[], rows: Record<string, unknown>[]): string {
  return '\uFEFF' + Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) }, { escapeFormulae: FORMULA, newline: '\r\n' });
}
