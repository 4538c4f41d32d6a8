// npm run preview: serve the built site as any static host would, under its base path.
//   --dist DIR  (default dist)   --base PATH (default / or $NIANBAO_BASE)   --port N (default 4321)
// Also used by the browser tests (startServer), on 127.0.0.1 only.
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Reports' original files are untrusted bytes: downloaded, never rendered or run on the site's origin
 * (README "Deploying" asks static hosts to send the same headers).
 */
const ORIGINAL_HEADERS = {
  'content-disposition': 'attachment',
  'content-security-policy': 'sandbox',
  'x-content-type-options': 'nosniff',
};

export interface Preview {
  url: string;
  close: () => Promise<void>;
}

/** Serves `dir` at `http://127.0.0.1:<port><base>`; port 0 picks a free one. */
export function startServer({ dir, base = '/', port = 0 }: { dir: string; base?: string; port?: number }): Promise<Preview> {
  const root = resolve(dir);
  const prefix = base.replace(/\/?$/, '/');
  const originals = join(root, 'data', 'originals') + sep;
  const send = (res: import('node:http').ServerResponse, status: number, file: string | null) => {
    if (!file) return res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...(file.startsWith(originals) ? ORIGINAL_HEADERS : {}) });
    createReadStream(file).pipe(res);
  };
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return send(res, 400, null);
    }
    const notFound = existsSync(join(root, '404.html')) ? join(root, '404.html') : null;
    if (!path.startsWith(prefix)) return path === '/' ? res.writeHead(302, { location: prefix }).end() : send(res, 404, notFound);
    const file = resolve(root, `.${sep}${path.slice(prefix.length)}`);
    if (file !== root && !file.startsWith(root + sep)) return send(res, 404, notFound);
    const stat = existsSync(file) ? statSync(file) : null;
    if (stat?.isDirectory()) {
      if (!path.endsWith('/')) return res.writeHead(301, { location: `${path}/` }).end();
      const index = join(file, 'index.html');
      return send(res, existsSync(index) ? 200 : 404, existsSync(index) ? index : notFound);
    }
    send(res, stat ? 200 : 404, stat ? file : notFound);
  });
  return new Promise((done) =>
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as { port: number };
      done({ url: `http://127.0.0.1:${actual}${prefix}`, close: () => new Promise((closed) => server.close(() => closed())) });
    }),
  );
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      base: { type: 'string', default: process.env.NIANBAO_BASE ?? '/' },
      port: { type: 'string', default: '4321' },
    },
  });
  if (!existsSync(values.dist)) {
    console.error(`${values.dist}/ does not exist: run \`npm run build\` first.`);
    process.exit(1);
  }
  const { url } = await startServer({ dir: values.dist, base: values.base, port: Number(values.port) });
  console.log(`Serving ${values.dist}/ at ${url} (Ctrl+C to stop)`);
}
