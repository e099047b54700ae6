import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../packages/mock/src/index.ts';
import { contractProblems, operations } from './helpers.ts';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ port: 0 });
});
afterAll(() => server.close());

const call = (path: string, init: RequestInit = {}) => fetch(`${server.baseUrl}${path}`, init);
const json = { 'content-type': 'application/json' };
const signIn = operations.find((o) => o.operation.operationId === 'signIn')!;

describe('bad input to the mock gets a clear error, never a crash', () => {
  it('an unknown path: 404 problem naming the path, nothing more', async () => {
    const res = await call('/no/such/thing?token=secret', {
      headers: { authorization: 'Bearer hush' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      status: 404,
      title: 'Not Found',
      instance: '/api/co/no/such/thing',
    });
    expect(text).not.toMatch(/secret|hush|Error:|at .*\.ts/);
  });

  it('outside the base path: 404 too', async () => {
    const res = await fetch(`${server.origin}/`);
    expect(res.status).toBe(404);
    expect((await res.json()).detail).toMatch(/\/api\/co/);
  });

  it('a known path with an undocumented method: 405 with Allow', async () => {
    const res = await call('/profile', { method: 'PATCH' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('DELETE, GET, PUT');
  });

  it('a malformed JSON body: the documented 400', async () => {
    const res = await call('/auth/sign-in', { method: 'POST', headers: json, body: '{"email": ' });
    expect(res.status).toBe(400);
    expect(await contractProblems(signIn, res.clone())).toEqual([]);
    expect((await res.json()).message).toMatch(/not valid JSON/);
  });

  it('a body over 1 MB: 413, and the server keeps answering', async () => {
    const res = await call('/auth/sign-in', {
      method: 'POST',
      headers: json,
      body: `"${'x'.repeat(1_100_000)}"`,
    });
    expect(res.status).toBe(413);
    expect((await res.json()).detail).toMatch(/1048576 bytes/);
    expect((await call('/booking-statuses')).status).toBe(200);
  });

  it('an undocumented media type: 415 listing the accepted ones', async () => {
    const res = await call('/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(res.status).toBe(415);
    expect((await res.json()).detail).toMatch(/application\/json/);
  });

  it('a garbled request line does not take the server down', async () => {
    const net = await import('node:net');
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.write('NOT HTTP\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('close', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1.1 400/);
    expect((await call('/booking-statuses')).status).toBe(200);
  });
});

describe('CORS for the docs site', () => {
  it('answers a preflight with 204 and the allowed methods and headers', async () => {
    const res = await call('/profile', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:4321',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/PUT/);
  });

  it('exposes ETag on normal responses', async () => {
    const res = await call('/profile', {
      headers: { authorization: 'Bearer minbil-demo-access-token' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/ETag/);
  });

  it('a plain OPTIONS (no Access-Control-Request-Method) is the documented operation', async () => {
    const op = operations.find((o) => o.method === 'options' && o.path === '/messages/send')!;
    const res = await call('/messages/send', {
      method: 'OPTIONS',
      headers: { authorization: 'Bearer minbil-demo-access-token' },
    });
    expect(res.status).toBe(200);
    expect(await contractProblems(op, res)).toEqual([]);
  });
});
