/** A static file server on 127.0.0.1 for fixture pages and model files, with a log of what was asked. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

export class LocalServer {
  readonly log: string[] = [];
  private server: Server | undefined;
  private readonly generated = new Map<string, { body: string | Uint8Array; type: string }>();
  /** URL prefix → folder, e.g. an editor's dist folder from node_modules. */
  private readonly mounts = new Map<string, string>();
  /**
   * Paths whose next response is cut off after this many bytes (a dropped connection), once, after a pause; or, with
   * `hold`, left open after them until the server stops (a download in progress).
   */
  private readonly cuts = new Map<string, { bytes: number; pauseMs: number; hold?: boolean }>();
  origin = '';

  constructor(private readonly root: string) {}

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      this.log.push(`${request.method} ${path}`);
      const generated = this.generated.get(path);
      if (generated) {
        const cutAfter = this.cuts.get(path);
        // A resumed download asks for the rest of the file (`Range: bytes=N-`), as model hosts allow.
        const from = Number(/^bytes=(\d+)-$/.exec(request.headers.range ?? '')?.[1] ?? 0);
        const body = Buffer.from(generated.body).subarray(from);
        if (from > 0) this.log.push(`RANGE ${path} ${from}`);
        response.writeHead(from > 0 ? 206 : 200, {
          'content-type': generated.type,
          'content-length': String(body.length),
          'access-control-allow-origin': '*',
          ...(from > 0 ? { 'content-range': `bytes ${from}-${from + body.length - 1}/${from + body.length}` } : {}),
        });
        if (request.method === 'HEAD') return void response.end();
        if (cutAfter === undefined) return void response.end(body);
        this.cuts.delete(path);
        if (cutAfter.hold) return void response.write(body.subarray(0, cutAfter.bytes));
        response.write(body.subarray(0, cutAfter.bytes), () => setTimeout(() => response.destroy(), cutAfter.pauseMs));
        return;
      }
      const mount = [...this.mounts].find(([prefix]) => path.startsWith(prefix));
      const root = mount ? mount[1] : this.root;
      const file = normalize(join(root, mount ? path.slice(mount[0].length) : path));
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
        // Like real model hosts, errors carry CORS headers too, so the extension can read the status.
        response.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end('not found');
        return;
      }
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'access-control-allow-origin': '*',
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.origin;
  }

  mount(prefix: string, folder: string): void {
    this.mounts.set(prefix, folder);
  }

  /**
   * The next request for `path` gets only its first `bytes`, then the connection drops (after `pauseMs`, so the
   * browser has handed the bytes that came to the page before it sees the error).
   */
  cutOnce(path: string, bytes: number, pauseMs = 0): void {
    this.cuts.set(path, { bytes, pauseMs });
  }

  /** The next request for `path` gets its first `bytes`, then nothing more: the download stays in progress. */
  holdOnce(path: string, bytes: number): void {
    this.cuts.set(path, { bytes, pauseMs: 0, hold: true });
  }

  /** Serves a page made by the test (e.g. a 60,000-word article) at `path`. */
  serve(path: string, body: string | Uint8Array, type = 'text/html; charset=utf-8'): string {
    this.generated.set(path, { body, type });
    return `${this.origin}${path}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
