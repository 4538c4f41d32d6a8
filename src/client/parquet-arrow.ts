// A published Parquet file as an Arrow table for DuckDB-WASM. DuckDB-WASM reads Parquet only through its
// `parquet` extension, which it downloads from extensions.duckdb.org at run time (the npm package does not
// ship it): the SQL page must work offline and ask no other host, so the file is read here with hyparquet
// (from the authors of the writer the build uses) and handed to DuckDB as Arrow, which its core reads.
// Columns are built from typed arrays, not Arrow's row builders (ten times slower on a million cells);
// text columns are dictionary-encoded, as they are in the file.
import { parquetMetadata, parquetRead } from 'hyparquet';
import { Bool, Dictionary, Float64, Int32, makeData, makeVector, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';

let dictionaryId = 0;

/** A column's decoded chunks (one per row group and page run), in row order. */
type Chunks = { rowStart: number; data: ArrayLike<unknown> }[];

/** Calls `each` for every row's value, chunk by chunk: no array of the whole column is ever made. */
function forEachValue(chunks: Chunks, each: (v: unknown, row: number) => void): void {
  for (const { rowStart, data } of chunks) for (let i = 0; i < data.length; i++) each(data[i], rowStart + i);
}

/** Validity bitmap (bit set: not null) and the count of nulls, filled by `mark` as values are read. */
function validity(length: number) {
  const bitmap = new Uint8Array((length + 7) >> 3);
  let nulls = 0;
  return {
    mark(v: unknown, row: number): boolean {
      if (v === null || v === undefined) {
        nulls++;
        return false;
      }
      bitmap[row >> 3]! |= 1 << (row & 7);
      return true;
    },
    done: () => ({ nullBitmap: nulls ? bitmap : null, nullCount: nulls }),
  };
}

function textVector(chunks: Chunks, length: number): Vector {
  const index = new Map<string, number>();
  const words: string[] = [];
  const keys = new Int32Array(length);
  const valid = validity(length);
  forEachValue(chunks, (v, row) => {
    if (!valid.mark(v, row)) return;
    const s = String(v);
    let k = index.get(s);
    if (k === undefined) index.set(s, (k = words.push(s) - 1));
    keys[row] = k;
  });
  const type = new Dictionary(new Utf8(), new Int32(), dictionaryId++);
  return makeVector(makeData({ type, length, ...valid.done(), data: keys, dictionary: vectorFromArray(words, new Utf8()) }));
}

function numberVector(chunks: Chunks, length: number, type: Int32 | Float64): Vector {
  const data = type instanceof Int32 ? new Int32Array(length) : new Float64Array(length);
  const valid = validity(length);
  forEachValue(chunks, (v, row) => {
    if (valid.mark(v, row)) data[row] = Number(v);
  });
  // One call per type: makeData's overloads are per type.
  const props = { length, ...valid.done() };
  return type instanceof Int32
    ? makeVector(makeData({ ...props, type, data: data as Int32Array }))
    : makeVector(makeData({ ...props, type, data: data as Float64Array }));
}

function vectorOf(physical: string | undefined, chunks: Chunks, length: number): Vector {
  if (physical === 'INT32') return numberVector(chunks, length, new Int32());
  if (physical === 'DOUBLE' || physical === 'FLOAT' || physical === 'INT64') return numberVector(chunks, length, new Float64());
  if (physical === 'BOOLEAN') {
    const values: (boolean | null)[] = new Array(length).fill(null);
    forEachValue(chunks, (v, row) => (values[row] = (v as boolean | null | undefined) ?? null));
    return vectorFromArray(values, new Bool());
  }
  return textVector(chunks, length);
}

/** The Parquet file's bytes as an Arrow table, every column of it. */
export async function parquetToArrow(bytes: ArrayBuffer): Promise<Table> {
  const metadata = parquetMetadata(bytes);
  const length = Number(metadata.num_rows);
  const columns = metadata.schema.slice(1);
  const chunks = new Map<string, Chunks>(columns.map((c) => [c.name, []]));
  await parquetRead({ file: bytes, metadata, onChunk: ({ columnName, columnData, rowStart }) => chunks.get(columnName)?.push({ rowStart, data: columnData }) });
  const vectors: Record<string, Vector> = {};
  for (const c of columns) vectors[c.name] = vectorOf(c.type, chunks.get(c.name)!, length);
  return new Table(vectors);
}
