/**
 * A raw HTTP/1.1 server on 127.0.0.1 (node:net, so it can break the protocol on purpose) that
 * answers each attempt with the fault its plan names: a reset before the headers, a reset in the
 * middle of the body, a Content-Length that lies either way, a gzip header over plain bytes, a
 * body or headers that stall, a close without an answer. Requests carry `x-case`; the server
 * counts attempts per case and records the `Idempotency-Key` of each.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export const FAULTS = [
  'reset-before-headers',
  'early-close',
  'reset-mid-body',
  'length-too-long',
  'length-too-short',
  'bad-encoding',
  'stalled-body',
  'slow-headers',
] as const;
export type Fault = (typeof FAULTS)[number];
/** `ok`: a complete 200; `late-ok`: the same after a short pause (well inside the timeout). */
export type Answer = Fault | 'ok' | 'late-ok';

export interface FaultServer {
  baseUrl: string;
  /** The answers for each attempt of a case; attempts beyond the plan get `ok`. */
  plan(caseId: string, answers: readonly Answer[]): void;
  attempts(caseId: string): number;
  keys(caseId: string): (string | undefined)[];
  close(): Promise<void>;
}

export interface FaultServerOptions {
  /** How long `slow-headers` waits before answering: make it longer than the client timeout. */
  slowHeadersMs: number;
}

/** The 2xx body: JSON, large enough (about 2 kB) to be cut in the middle. */
export function okBody(caseId: string): string {
  return JSON.stringify({ case: caseId, pad: 'x'.repeat(2000) });
}

export async function startFaultServer(options: FaultServerOptions): Promise<FaultServer> {
  const plans = new Map<string, readonly Answer[]>();
  const seen = new Map<string, (string | undefined)[]>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    let handled = false;
    socket.on('data', (chunk) => {
      if (handled) return;
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1').split('\r\n');
      const headers = new Map(
        head.slice(1).map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      const length = Number(headers.get('content-length') ?? 0);
      if (buffer.length - end - 4 < length) return; // wait for the whole request body
      handled = true;
      const caseId = headers.get('x-case') ?? '?';
      const keys = seen.get(caseId) ?? [];
      seen.set(caseId, keys);
      keys.push(headers.get('idempotency-key'));
      const answer = plans.get(caseId)?.[keys.length - 1] ?? 'ok';
      respond(socket, answer, caseId);
    });
  });

  function respond(socket: Socket, answer: Answer, caseId: string): void {
    const body = Buffer.from(okBody(caseId));
    const head = (length: number, extra = '') =>
      `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-request-id: req-${caseId}\r\n` +
      `content-length: ${length}\r\nconnection: close\r\n${extra}\r\n`;
    const half = body.subarray(0, body.length >> 1);
    switch (answer) {
      case 'ok':
        return void socket.end(Buffer.concat([Buffer.from(head(body.length)), body]));
      case 'late-ok':
        return later(10, () => respond(socket, 'ok', caseId));
      case 'reset-before-headers':
        return void socket.resetAndDestroy();
      case 'early-close':
        return void socket.end();
      case 'reset-mid-body':
        socket.write(head(body.length));
        socket.write(half);
        return later(5, () => socket.resetAndDestroy());
      case 'length-too-long':
        return void socket.end(Buffer.concat([Buffer.from(head(body.length + 100)), body]));
      case 'length-too-short':
        // The client reads the declared bytes only: a truncated JSON document.
        return void socket.end(Buffer.concat([Buffer.from(head(body.length - 20)), body]));
      case 'bad-encoding':
        return void socket.end(
          Buffer.concat([Buffer.from(head(body.length, 'content-encoding: gzip\r\n')), body]),
        );
      case 'stalled-body':
        socket.write(head(body.length));
        socket.write(half);
        return; // never finishes; the client's timeout or abort must end it
      case 'slow-headers':
        return later(options.slowHeadersMs, () => {
          if (!socket.destroyed) respond(socket, 'ok', caseId);
        });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    plan: (caseId, answers) => void plans.set(caseId, answers),
    attempts: (caseId) => seen.get(caseId)?.length ?? 0,
    keys: (caseId) => seen.get(caseId) ?? [],
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
