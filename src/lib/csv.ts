// CSV for spreadsheets: UTF-8 with a BOM (so Excel and WPS read Chinese correctly), and no cell that a
// spreadsheet would run as a formula (OWASP "CSV injection": a leading = + - @ tab or CR gets a ').
import Papa from 'papaparse';

export type CsvValue = string | number | null;

const FORMULA = /^[=+\-@\t\r]/;

export const safeCell = (v: CsvValue): CsvValue => (typeof v === 'string' && FORMULA.test(v) ? `'${v}` : v);

export const toCsv = (rows: Record<string, CsvValue>[]): string =>
  '\uFEFF' +
  Papa.unparse(
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [safeCell(k), safeCell(v)]))),
    { newline: '\r\n' },
  );
