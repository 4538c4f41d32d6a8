// A published Parquet file as an Arrow table for DuckDB-WASM. DuckDB-WASM reads Parquet only through its
// `parquet` extension, which it downloads from extensions.duckdb.org at run time (the npm package does not
// ship it): the SQL page must work offline and ask no other host, so the file is read here with hyparquet
// (from the authors of the writer the build uses) and handed to DuckDB as Arrow, which its core reads.
// Columns are built from typed arrays, not Arrow's row builders (ten times slower on a million cells);
// text columns are dictionary-encoded, as they are in the file.
import { parquetMetadata, parquetRead } from 'hyparquet';
import { Bool, Dictionary, Float64, Int32, makeData, makeVector, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';

let dictionaryId = 0;

/** Validity bitmap of `values` (bit set: not null) and the count of nulls. */
function validity(values: ArrayLike<unknown>): { bitmap: Uint8Array | null; nulls: number } {
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) nulls++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { bitmap: nulls ? bitmap : null, nulls };
}

function textVector(values: ArrayLike<unknown>): Vector {
  const index = new Map<string, number>();
  const words: string[] = [];
  const keys = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const s = String(v);
    let k = index.get(s);
    if (k === undefined) index.set(s, (k = words.push(s) - 1));
    keys[i] = k;
  }
  const { bitmap, nulls } = validity(values);
  const type = new Dictionary(new Utf8(), new Int32(), dictionaryId++);
  return makeVector(
    makeData({ type, length: values.length, nullCount: nulls, nullBitmap: bitmap, data: keys, dictionary: vectorFromArray(words, new Utf8()) }),
  );
}

function numberVector(values: ArrayLike<unknown>, type: Int32 | Float64): Vector {
  const data = type instanceof Int32 ? new Int32Array(values.length) : new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = Number(values[i] ?? 0);
  const { bitmap, nulls } = validity(values);
  // One call per type: makeData's overloads are per type.
  const props = { length: values.length, nullCount: nulls, nullBitmap: bitmap };
  return type instanceof Int32
    ? makeVector(makeData({ ...props, type, data: data as Int32Array }))
    : makeVector(makeData({ ...props, type, data: data as Float64Array }));
}

function vectorOf(physical: string | undefined, values: ArrayLike<unknown>): Vector {
  if (physical === 'INT32') return numberVector(values, new Int32());
  if (physical === 'DOUBLE' || physical === 'FLOAT' || physical === 'INT64') return numberVector(values, new Float64());
  if (physical === 'BOOLEAN') return vectorFromArray(Array.from(values) as (boolean | null)[], new Bool());
  return textVector(values);
}

/** The Parquet file's bytes as an Arrow table, every column of it. */
export async function parquetToArrow(bytes: ArrayBuffer): Promise<Table> {
  const metadata = parquetMetadata(bytes);
  const columns = metadata.schema.slice(1);
  const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>(columns.map((c) => [c.name, []]));
  await parquetRead({ file: bytes, metadata, onChunk: ({ columnName, columnData, rowStart }) => chunks.get(columnName)?.push({ rowStart, data: columnData }) });
  const vectors: Record<string, Vector> = {};
  for (const c of columns) {
    const parts = chunks.get(c.name)!.sort((a, b) => a.rowStart - b.rowStart);
    const values = parts.length === 1 ? parts[0]!.data : parts.flatMap((p) => Array.from(p.data));
    vectors[c.name] = vectorOf(c.type, values);
  }
  return new Table(vectors);
}
