/** The mock over HTTP on loopback, for people, CI and the client's contract tests. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BASE_PATH, DEFAULT_HOST, DEFAULT_PORT } from './constants.ts';
import { createHandlers } from './handlers.ts';
import { createListener } from './node-adapter.ts';
import type { MockOptions } from './options.ts';

export interface MockServerOptions extends Omit<MockOptions, 'baseUrl'> {
  /** `0` picks a free port. @default 4010 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface MockServer {
  /** e.g. `http://127.0.0.1:4010` */
  origin: string;
  /** e.g. `http://127.0.0.1:4010/api/co` */
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the HTTP mock and resolves once it listens (rejects on e.g. EADDRINUSE). */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = DEFAULT_PORT, host = DEFAULT_HOST, ...rest } = options;
  const handlers = createHandlers(rest);
  // assigned once the port is known, before the first request can arrive
  let listener: ReturnType<typeof createListener> = async () => {};
  const server: Server = createServer((req, res) => void listener(req, res));
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  listener = createListener(handlers, origin);
  return {
    origin,
    baseUrl: `${origin}${BASE_PATH}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
