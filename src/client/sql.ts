// The SQL page: DuckDB-WASM (served by this site: scripts/site/duckdb-files.ts) over the published Parquet
// tables. The query is the URL (?sql=…), so a query is a link and runs when it is opened. A table is read
// when a query first names it; then DuckDB may touch nothing else: external access is switched off and
// the settings locked, so a shared link cannot make a reader's browser fetch from another host.
import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { toCsv, type CsvValue } from '../../model/csv.ts';
import { parquetToArrow } from './parquet-arrow.ts';

interface SqlTable {
  name: string;
  /** Its Parquet files' URLs. */
  files: string[];
}

/** Rows the page shows; the CSV has them all. */
const SHOWN = 1000;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let connection: Promise<duckdb.AsyncDuckDBConnection> | undefined;
const decoded = new Map<string, Promise<Table[]>>();
const loaded = new Map<string, Promise<void>>();

/** DuckDB, started once: its WebAssembly (about 35 MB) compiles in its worker while the first tables are read (`read`). */
function connect(base: string): Promise<duckdb.AsyncDuckDBConnection> {
  return (connection ??= (async () => {
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: `${base}duckdb-mvp.wasm`, mainWorker: `${base}duckdb-browser-mvp.worker.js` },
      eh: { mainModule: `${base}duckdb-eh.wasm`, mainWorker: `${base}duckdb-browser-eh.worker.js` },
    });
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!));
    await db.instantiate(bundle.mainModule);
    await db.open({ query: { castBigIntToDouble: true } });
    const conn = await db.connect();
    // Never fetch an extension (they come from another host); the tables are inserted as Arrow.
    await conn.query(
      'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; SET enable_external_access = false; SET lock_configuration = true',
    );
    return conn;
  })());
}

/** A table's Parquet files fetched and decoded to Arrow, once: on this page's thread, while DuckDB compiles in its worker. */
function read(table: SqlTable): Promise<Table[]> {
  let parts = decoded.get(table.name);
  if (!parts) {
    parts = Promise.all(
      table.files.map(async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`无法读取 ${url}（${response.status}）`);
        return parquetToArrow(await response.arrayBuffer());
      }),
    );
    decoded.set(table.name, parts);
  }
  return parts;
}

/** A table's decoded files inserted into DuckDB, once. */
function load(conn: duckdb.AsyncDuckDBConnection, table: SqlTable): Promise<void> {
  let done = loaded.get(table.name);
  if (!done) {
    done = (async () => {
      let create = true;
      for (const part of await read(table)) {
        await conn.insertArrowTable(part, { name: table.name, create });
        create = false;
      }
    })();
    loaded.set(table.name, done);
  }
  return done;
}

/** The tables a query names (all of them when it names none: `show tables`, `describe`…). */
function named(sql: string, tables: SqlTable[]): SqlTable[] {
  const found = tables.filter((t) => new RegExp(`\\b${t.name}\\b`, 'i').test(sql));
  return found.length ? found : tables;
}

/** A value as the results table and the CSV show it; null stays NULL, never an empty cell or 0. */
function shown(v: unknown): CsvValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
}

function render(result: Table): { fields: string[]; rows: CsvValue[][] } {
  const fields = result.schema.fields.map((f) => f.name);
  const columns = fields.map((_, i) => result.getChildAt(i)!);
  const rows = Array.from({ length: result.numRows }, (_, r) => columns.map((c) => shown(c.get(r))));
  const head = document.createElement('tr');
  for (const f of fields) head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: f }));
  const body = document.createElement('tbody');
  for (const row of rows.slice(0, SHOWN)) {
    const tr = document.createElement('tr');
    for (const v of row) {
      const td = document.createElement('td');
      if (v === null) {
        td.className = 'null';
        td.textContent = 'NULL';
      } else {
        td.textContent = String(v);
        if (typeof v !== 'number') td.className = 'text';
      }
      tr.append(td);
    }
    body.append(tr);
  }
  const table = document.createElement('table');
  table.className = 'data';
  table.createTHead().append(head);
  table.append(body);
  $('sql-results').replaceChildren(table);
  return { fields, rows };
}

export function runSqlPage(): void {
  const form = $<HTMLFormElement>('sql-form');
  const input = $<HTMLTextAreaElement>('sql');
  const status = $('sql-status');
  const download = $<HTMLAnchorElement>('sql-csv');
  const tables = JSON.parse(form.dataset.tables ?? '[]') as SqlTable[];
  const base = form.dataset.duckdb!;
  let csvUrl: string | undefined;
  const say = (text: string, state: string) => {
    status.textContent = text;
    status.dataset.state = state;
  };

  async function run(sql: string): Promise<void> {
    const started = performance.now();
    download.hidden = true;
    say('正在加载 DuckDB 和数据表……', 'running');
    try {
      const starting = connect(base);
      const needed = named(sql, tables);
      for (const t of needed) void read(t).catch(() => {});
      const conn = await starting;
      say(`正在读取数据表 ${needed.map((t) => t.name).join('、')}……`, 'running');
      await Promise.all(needed.map((t) => load(conn, t)));
      const { fields, rows } = render(await conn.query(sql));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      say(`共 ${rows.length} 行${rows.length > SHOWN ? `，页面显示前 ${SHOWN} 行，CSV 含全部` : ''}；用时 ${seconds} 秒。`, 'done');
      status.dataset.rows = String(rows.length);
      if (csvUrl) URL.revokeObjectURL(csvUrl);
      csvUrl = URL.createObjectURL(new Blob([toCsv(fields, rows)], { type: 'text/csv;charset=utf-8' }));
      download.href = csvUrl;
      download.hidden = false;
    } catch (error) {
      $('sql-results').replaceChildren();
      say(`查询出错：${(error as Error).message}`, 'error');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const sql = input.value.trim();
    if (!sql) return;
    const url = new URL(location.href);
    url.searchParams.set('sql', sql);
    history.pushState(null, '', url);
    void run(sql);
  });
  // Loading starts when the reader shows they will query, not on every visit (35 MB).
  input.addEventListener('focus', () => void connect(base).catch(() => {}), { once: true });
  const fromUrl = () => new URLSearchParams(location.search).get('sql')?.trim();
  window.addEventListener('popstate', () => {
    const sql = fromUrl();
    if (sql) {
      input.value = sql;
      void run(sql);
    }
  });
  const sql = fromUrl();
  if (sql) {
    input.value = sql;
    void run(sql);
  }
}
