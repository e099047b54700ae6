/**
 * Serves MSW handlers over node:http. `@mswjs/http-middleware` 0.10 calls `handleRequest`, which
 * msw 3 no longer exports, so this feeds each request to the handlers with msw's `getResponse`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResponse, type HttpHandler } from 'msw';
import { MAX_BODY_BYTES } from './constants.ts';
import { CORS_HEADERS, isPreflight, preflightHeaders } from './cors.ts';
import { plainProblem } from './problems.ts';
import { toResponse } from './respond.ts';

/** Stop reading (and drop the connection) past this, so a runaway upload cannot exhaust memory. */
const HARD_LIMIT = 64 * MAX_BODY_BYTES;

/** The body, or `null` when it exceeds MAX_BODY_BYTES (the rest is read and discarded). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > HARD_LIMIT) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
  response.headers.forEach((value, name) =>
    name in CORS_HEADERS ? res.setHeader(name, value) : res.appendHeader(name, value),
  );
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** A node:http request listener answering from `handlers`; `origin` is the server's own URL. */
export function createListener(handlers: HttpHandler[], origin: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const method = (req.method ?? 'GET').toUpperCase();
      const headers = toHeaders(req);
      if (isPreflight(method, headers)) {
        req.resume();
        return await send(
          res,
          new Response(null, { status: 204, headers: preflightHeaders(headers) }),
        );
      }
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
      if (body === null)
        return await send(
          res,
          toResponse(plainProblem(413, `Request body exceeds ${MAX_BODY_BYTES} bytes.`)),
        );
      const url = new URL(req.url ?? '/', origin);
      const request = new Request(url, {
        method,
        headers,
        ...(body?.length ? { body: new Uint8Array(body) } : {}),
      });
      const response = await getResponse(handlers, request, { baseUrl: origin, quiet: true });
      await send(
        res,
        response ??
          toResponse(
            plainProblem(
              404,
              `Nothing is served at ${url.pathname}; the API lives under /api/co.`,
              url.pathname,
            ),
          ),
      );
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      await send(
        res,
        toResponse(plainProblem(500, `The mock failed to answer: ${(error as Error).message}`)),
      ).catch(() => res.destroy());
    }
  };
}
