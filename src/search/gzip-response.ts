// The agency lists of the search page are written gzipped, as Pagefind writes its own index files: every
// search downloads the names, and gzip takes them to about a third. Build time only (node:zlib); the page
// inflates them with src/search/gzip-json.ts.
import { gzipSync } from 'node:zlib';

/** A build-time endpoint's response: `body` as gzipped JSON. */
export const gzipJsonResponse = (body: unknown) =>
  new Response(gzipSync(JSON.stringify(body), { level: 9 }), { headers: { 'content-type': 'application/gzip' } });
