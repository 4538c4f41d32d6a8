// A Parquet table is written a row group at a time, and a row group is cut by its values: a wide table
// (reports.parquet has 26 columns) gets shorter groups than a narrow one (cells, 6), so that writing
// either holds about the same memory, and every row still reads back in its place.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, expect, test } from 'vitest';
import { ParquetFile, type ParquetColumn } from '../../scripts/stage/parquet-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, columns: ParquetColumn[], rows: number, row: (i: number) => unknown[]) {
  const file = new ParquetFile(join(dir, name), columns);
  for (let i = 0; i < rows; i++) file.add(row(i));
  file.close();
  const bytes = readFileSync(join(dir, name));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return { buffer, groups: parquetMetadata(buffer).row_groups.map((g) => Number(g.num_rows)) };
}

test('26 columns: groups of 11,539 rows (300,000 values); the rows across a group boundary read back in order', async () => {
  const columns: ParquetColumn[] = [
    { name: 'id', type: 'STRING', nullable: false },
    ...Array.from({ length: 25 }, (_, i): ParquetColumn => ({ name: `c${i}`, type: 'INT32', nullable: true })),
  ];
  const { buffer, groups } = write('wide.parquet', columns, 12_000, (i) => [`r${i}`, ...Array.from({ length: 25 }, (_, c) => (c === 0 ? i : null))]);
  expect(groups).toEqual([11_539, 461]);
  const rows = await parquetReadObjects({ file: buffer, columns: ['id', 'c0', 'c1'], rowStart: 11_537, rowEnd: 11_541 });
  expect(rows).toEqual([
    { id: 'r11537', c0: 11_537, c1: null },
    { id: 'r11538', c0: 11_538, c1: null },
    { id: 'r11539', c0: 11_539, c1: null },
    { id: 'r11540', c0: 11_540, c1: null },
  ]);
});

test('6 columns: groups of 50,000 rows', () => {
  const columns = ['report', 'key', 'state', 'reason'].map((name): ParquetColumn => ({ name, type: 'STRING', nullable: true }));
  columns.push({ name: 'year', type: 'INT32', nullable: false }, { name: 'value', type: 'DOUBLE', nullable: true });
  const { groups } = write('narrow.parquet', columns, 60_000, (i) => ['r1', 'k', 'number', null, 2024, i]);
  expect(groups).toEqual([50_000, 10_000]);
});
