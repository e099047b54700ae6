/**
 * A real HTTP server on 127.0.0.1 for client tests. Each test installs a handler; every request
 * is recorded (with its full body) so tests can assert exactly what went over the wire.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, relative to the API root (e.g. `/profile?x=1`). */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** API root to pass as `baseUrl`. */
  baseUrl: string;
  requests: RecordedRequest[];
  handle(handler: Handler): void;
  /** Requests to one path (without query). */
  hits(path: string): RecordedRequest[];
  close(): Promise<void>;
}

const ROOT = '/api/co';

export async function startTestServer(): Promise<TestServer> {
  let handler: Handler = (_req, res) => json(res, 404, { error: 'no handler' });
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url: `${url.pathname.slice(ROOT.length)}${url.search}`,
      path: url.pathname.slice(ROOT.length),
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    requests.push(recorded);
    try {
      await handler(recorded, res);
    } catch (error) {
      if (!res.headersSent) json(res, 599, { test_server_error: String(error) });
    }
  });
  // Keep-alive sockets would hold `close()` open.
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${ROOT}`,
    requests,
    handle: (next) => {
      handler = next;
    },
    hits: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON body (or problem+json, by `type`). */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    ...headers,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Sends raw text with the given content type. */
export function text(res: ServerResponse, status: number, body: string, type = 'text/plain'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Kills the connection without an HTTP answer: the client sees a connection error. */
export function hangUp(res: ServerResponse): void {
  res.socket?.destroy();
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fetch that counts calls, for asserting attempt counts without patching globals. */
export function countingFetch(): {
  fetch: (request: Request) => Promise<Response>;
  calls: Request[];
} {
  const calls: Request[] = [];
  return {
    calls,
    fetch: (request) => {
      calls.push(request);
      return globalThis.fetch(request);
    },
  };
}

/** The bearer token a recorded request carried, if any. */
export function bearer(req: RecordedRequest): string | undefined {
  return req.headers.authorization?.replace(/^Bearer /, '');
}
