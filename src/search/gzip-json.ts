// Reads a gzipped JSON file the build wrote (src/search/gzip-response.ts) with the browser's own
// DecompressionStream. A host that serves .gz files with Content-Encoding: gzip (Apache's AddEncoding)
// hands the browser the JSON already inflated: then the bytes do not start with gzip's magic number and
// are read as they are.

/** Fetches a gzipped JSON file and parses it. */
export async function fetchGzipJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text() : new TextDecoder().decode(bytes);
  return JSON.parse(text) as T;
}
