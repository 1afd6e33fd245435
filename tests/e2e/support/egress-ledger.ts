/**
 * Records every network request the browser makes to a host other than 127.0.0.1. Chromium is started with this
 * ledger as its proxy, so requests from every context (pages, service worker, offscreen document, workers) reach it;
 * loopback is never proxied. Nothing is forwarded: each request is logged and refused.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class EgressLedger {
  readonly requests: string[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      this.requests.push(`${request.method} ${request.url}`);
      response.writeHead(502).end();
    });
    server.on('connect', (request, socket) => {
      this.requests.push(`CONNECT ${request.url}`);
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Requests seen by Playwright's own listener, for hosts the proxy would not see (none expected). */
  record(url: string): void {
    const { protocol, hostname } = new URL(url);
    const local = hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
    if ((protocol === 'http:' || protocol === 'https:' || protocol === 'ws:' || protocol === 'wss:') && !local) {
      this.requests.push(`REQUEST ${url}`);
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
