/** Every error shape the API (or a proxy in front of it) sends becomes one well-filled ApiError. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  BadRequestError,
  ConflictError,
  createClient,
  createMemoryTokenStore,
  ForbiddenError,
  InternalServerError,
  MalformedResponseError,
  NotFoundError,
  RateLimitError,
  unwrap,
  UnauthorizedError,
} from '../../packages/client/src/index.ts';
import { json, startTestServer, text, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// Signed out, so a 401 comes back as is instead of starting a token refresh.
const client = () =>
  createClient({ baseUrl: server.baseUrl, retry: false, tokenStore: createMemoryTokenStore(null) });

async function errorFor(send: (res: Parameters<Parameters<TestServer['handle']>[0]>[1]) => void) {
  server.handle((_req, res) => send(res));
  const { error } = await client().GET('/profile');
  if (!error) throw new Error('expected an error');
  return error;
}

describe('documented error shapes', () => {
  it('(a) RFC 7807 problem+json', async () => {
    const problem = {
      type: 'https://api.minbil.no/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'No user 42',
      instance: '/api/co/profile',
      code: 'USER_NOT_FOUND',
      message: 'User not found',
      where: { layer: 'service', component: 'profile', step: 'load' },
      hint: 'Sign in again',
    };
    const error = await errorFor((res) =>
      json(res, 404, problem, {
        'content-type': 'application/problem+json',
        'x-request-id': 'req-9',
      }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'USER_NOT_FOUND',
      message: 'User not found',
      requestId: 'req-9',
      retryable: false,
      fields: [],
    });
    expect(error.body).toEqual(problem);
  });

  it('(b) error envelope with fields, request id and retryable', async () => {
    const error = await errorFor((res) =>
      json(res, 400, {
        error: {
          code: 'VALIDATION_ERROR',
          message: 'Invalid input',
          fields: [{ field: 'email', reason: 'must be an email' }],
          request_id: '5f0c',
          retryable: false,
        },
      }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'Invalid input',
      fields: [{ field: 'email', reason: 'must be an email' }],
      requestId: '5f0c',
      retryable: false,
    });
  });

  it('(c) the inline 401 problem', async () => {
    const error = await errorFor((res) =>
      json(res, 401, {
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        code: 'UNAUTHORIZED',
        message: 'Missing token',
      }),
    );
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Missing token' });
  });

  it('a problem with only a title falls back to the title', async () => {
    const error = await errorFor((res) =>
      json(res, 403, { type: 'about:blank', title: 'Forbidden', status: 403 }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ code: 'forbidden', message: 'Forbidden' });
  });
});

describe('undocumented bodies', () => {
  it('legacy { error: "text" }', async () => {
    const error = await errorFor((res) => json(res, 409, { error: 'Vehicle already linked' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'conflict', message: 'Vehicle already linked' });
  });

  it('plain text', async () => {
    const error = await errorFor((res) => text(res, 500, 'upstream exploded'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({
      code: 'internal_error',
      message: 'upstream exploded',
      body: 'upstream exploded',
    });
  });

  it('an HTML page from a proxy never becomes the message', async () => {
    const html = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
    const error = await errorFor((res) => text(res, 502, html, 'text/html'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toMatch(/^HTTP 502 Bad Gateway \(an HTML page/);
    expect(error.message).not.toContain('<');
    expect(error).toMatchObject({ code: 'bad_gateway', retryable: true, body: html });
  });

  it('an empty body with Content-Length: 0', async () => {
    const error = await errorFor((res) => {
      res.writeHead(503, { 'content-length': '0' });
      res.end();
    });
    expect(error).toMatchObject({
      status: 503,
      code: 'service_unavailable',
      message: 'HTTP 503 Service Unavailable',
      body: undefined,
      retryable: true,
    });
  });

  it('an empty chunked body', async () => {
    const error = await errorFor((res) => {
      res.writeHead(429, { 'retry-after': '1' });
      res.end();
    });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limited', body: undefined });
  });

  it('JSON that is not an object (an array, a number)', async () => {
    const error = await errorFor((res) => json(res, 422, [1, 2]));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'unprocessable_entity', body: [1, 2] });
  });

  it('envelope fields of the wrong types are ignored, not trusted', async () => {
    const error = await errorFor((res) =>
      json(res, 400, { error: { code: 7, message: null, fields: 'email', retryable: 'yes' } }),
    );
    expect(error).toMatchObject({
      code: 'bad_request',
      message: 'HTTP 400 Bad Request',
      fields: [],
      retryable: false,
    });
  });
});

describe('malformed success bodies', () => {
  it('a 200 that is not JSON raises MalformedResponseError', async () => {
    server.handle((_req, res) => text(res, 200, '<html>maintenance</html>', 'text/html'));
    const error = await client()
      .GET('/profile')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({
      operationId: 'getProfile',
      status: 200,
      contentType: 'text/html',
    });
  });
});

describe('unwrap', () => {
  it('returns data or throws the ApiError', async () => {
    server.handle((_req, res) => json(res, 200, { uid: 'u', email: 'e' }));
    expect((await unwrap(client().GET('/profile'))).uid).toBe('u');
    server.handle((_req, res) => json(res, 404, { error: 'gone' }));
    await expect(unwrap(client().GET('/profile'))).rejects.toBeInstanceOf(NotFoundError);
  });
});
