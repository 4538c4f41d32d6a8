// The SQL page reads each Parquet file into Arrow columns for DuckDB (src/client/parquet-arrow.ts), row group
// by row group. A file of three row groups as the data stage writes them (50,000 rows each), with nulls in
// every column that may have them: every row lands at its own place, and null stays null, never 0 or "".
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parquetToArrow } from '../../src/client/parquet-arrow.ts';
import { ParquetFile } from '../../scripts/stage/parquet-file.ts';

test('a file of three row groups comes out row for row, its nulls null', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-parquet-'));
  try {
    const file = new ParquetFile(join(dir, 'cells.parquet'), [
      { name: 'report', type: 'STRING', nullable: false },
      { name: 'year', type: 'INT32', nullable: false },
      { name: 'value', type: 'DOUBLE', nullable: true },
      { name: 'reason', type: 'STRING', nullable: true },
    ]);
    // Row r: report "r<r mod 1000>", year 2019 + r mod 7, value r (null when r is a multiple of 5),
    // reason "ambiguous" when r is a multiple of 5, else null.
    for (let r = 0; r < 120_000; r++) file.add([`r${r % 1000}`, 2019 + (r % 7), r % 5 ? r : null, r % 5 ? null : 'ambiguous']);
    file.close();
    const bytes = readFileSync(join(dir, 'cells.parquet'));
    const table = await parquetToArrow(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(table.numRows).toBe(120_000);
    const row = (r: number) => table.get(r)!.toJSON();
    expect(row(0)).toEqual({ report: 'r0', year: 2019, value: null, reason: 'ambiguous' });
    expect(row(1)).toEqual({ report: 'r1', year: 2020, value: 1, reason: null });
    // The first rows of the second and third row groups, and the last row.
    expect(row(50_000)).toEqual({ report: 'r0', year: 2019 + (50_000 % 7), value: null, reason: 'ambiguous' });
    expect(row(100_001)).toEqual({ report: 'r1', year: 2019 + (100_001 % 7), value: 100_001, reason: null });
    expect(row(119_999)).toEqual({ report: 'r999', year: 2019 + (119_999 % 7), value: 119_999, reason: null });
    expect(table.getChild('value')!.nullCount).toBe(24_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
