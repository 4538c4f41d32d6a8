// Counts every byte a site sends, between the browser and the server: what the page, its scripts and
// its workers fetch alike. (Playwright's request events miss what Pagefind's web worker fetches.)
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Sent {
  /** Path asked for. */
  url: string;
  /** Status line, headers and body, as sent (uncompressed here: the preview server does not compress). */
  bytes: number;
}

export interface CountingProxy {
  url: string;
  /** What was sent since the last call. */
  take(): Sent[];
  close(): Promise<void>;
}

const headerBytes = (res: IncomingMessage) =>
  Buffer.byteLength(`HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n`) +
  res.rawHeaders.reduce((n, v) => n + Buffer.byteLength(v) + 2, 0) +
  2;

/** A proxy in front of `upstream` (an http://host:port/ URL) on 127.0.0.1. */
export function countingProxy(upstream: string): Promise<CountingProxy> {
  let sent: Sent[] = [];
  const server = createServer((req, res) => {
    const forward = request(new URL(req.url ?? '/', upstream), { method: req.method, headers: req.headers }, (up) => {
      let bytes = headerBytes(up);
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.on('data', (chunk: Buffer) => (bytes += chunk.length));
      up.on('end', () => sent.push({ url: new URL(req.url ?? '/', upstream).pathname, bytes }));
      up.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${new URL(upstream).pathname}`,
        take: () => {
          const out = sent;
          sent = [];
          return out;
        },
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}
