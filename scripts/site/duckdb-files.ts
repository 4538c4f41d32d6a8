// DuckDB-WASM's workers and WebAssembly for the SQL page (/data/sql/), served by the site itself: never a
// CDN, so the page works offline, on an intranet and in mainland China. Both builds the package selects
// between (exception handling for current browsers, `mvp` for old ones). Linked from node_modules like the
// downloads (scripts/site/link-tree.ts): npm writes new files on install, never edits these in place.
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Where the site serves them (the SQL page loads them from here: src/client/sql.ts). */
const DUCKDB_DIR = 'data/sql/duckdb';
const FILES = ['duckdb-eh.wasm', 'duckdb-browser-eh.worker.js', 'duckdb-mvp.wasm', 'duckdb-browser-mvp.worker.js'];

export function addDuckdbFiles(site: string): void {
  const require = createRequire(import.meta.url);
  mkdirSync(join(site, DUCKDB_DIR), { recursive: true });
  for (const file of FILES) {
    const [source, target] = [require.resolve(`@duckdb/duckdb-wasm/dist/${file}`), join(site, DUCKDB_DIR, file)];
    try {
      linkSync(source, target);
    } catch (error) {
      if (!['EXDEV', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      copyFileSync(source, target);
    }
  }
}
