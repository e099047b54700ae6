import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMockServer,
  DEMO_ACCESS_TOKEN,
  type MockServer,
} from '../../packages/mock/src/index.ts';
import {
  contractProblems,
  operationLabel,
  operations,
  parameters,
  validRequest,
} from './helpers.ts';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ port: 0 });
});
afterAll(() => server.close());

const call = (path: string, init: RequestInit = {}) => fetch(`${server.baseUrl}${path}`, init);
const auth = { authorization: `Bearer ${DEMO_ACCESS_TOKEN}` };
const secured = operations.filter(
  (op) => JSON.stringify(op.operation.security) === '[{"bearerAuth":[]}]',
);
const withPathInt = operations.filter((op) =>
  parameters(op).some(
    (p) => p.in === 'path' && (p.schema as { type?: string })?.type === 'integer',
  ),
);

describe('401: the documented shape when auth is missing or wrong', () => {
  it.each(secured.map((op) => [operationLabel(op), op] as const))(
    '%s without a token',
    async (_l, op) => {
      const { path, init } = validRequest(op);
      delete init.headers.authorization;
      const res = await call(path, init);
      expect(res.status).toBe(401);
      const problems = await contractProblems(op, res.clone());
      expect(problems).toEqual([]);
      expect(JSON.stringify(await res.json())).toContain('Missing bearer token');
    },
  );

  it('rejects a garbage token, a non-Bearer scheme and a refresh token used as access token', async () => {
    for (const authorization of [
      'Bearer not-a-token',
      `Basic ${DEMO_ACCESS_TOKEN}`,
      'Bearer minbil-demo-refresh-token',
    ]) {
      const res = await call('/profile', { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
    }
  });

  it('GET /car-brands needs its x-api-key', async () => {
    expect((await call('/car-brands')).status).toBe(401);
    const wrong = await call('/car-brands', { headers: { 'x-api-key': 'guess' } });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).message).toMatch(/unknown API key/);
    expect(
      (await call('/car-brands', { headers: { 'x-api-key': 'minbil-demo-api-key' } })).status,
    ).toBe(200);
  });

  it('optional-auth operations answer anonymous callers', async () => {
    expect((await call('/shops')).status).toBe(200);
    expect((await call('/shops', { headers: { authorization: 'Bearer junk' } })).status).toBe(200);
  });
});

describe('400: the documented shape, naming the offending field', () => {
  it.each(withPathInt.map((op) => [operationLabel(op), op] as const))(
    '%s with a non-integer path id',
    async (_l, op) => {
      const { path, init } = validRequest(op);
      const name = parameters(op).find((p) => p.in === 'path')!.name;
      const res = await call(path.replace(/\/\d+(?=\/|\?|$)/, '/abc'), init);
      if (res.status === 404) return; // a literal sibling path may claim `abc`; nothing to check then
      expect(res.status).toBe(400);
      expect(await contractProblems(op, res.clone())).toEqual([]);
      expect(JSON.stringify(await res.json())).toContain(name);
    },
  );

  it('an unknown enum value, a missing required query parameter and a bad body', async () => {
    const enumRes = await call('/notifications?status=sometimes', { headers: auth });
    expect(enumRes.status).toBe(400);
    const envelope = await enumRes.json();
    expect(envelope.error).toMatchObject({ code: 'VALIDATION_ERROR', retryable: false });
    expect(envelope.error.fields).toEqual([
      { field: 'status', reason: expect.stringContaining('"unread", "all"') },
    ]);

    const missing = await call('/filters/location?lat=59.9', { headers: auth });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fields[0].field).toBe('lng');

    const body = await call('/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'not-an-email', password: 'x' }),
    });
    expect(body.status).toBe(400);
    expect(body.headers.get('content-type')).toBe('application/problem+json');
    expect((await body.json()).message).toMatch(/email must match format "email"/);
  });

  it('every operation with a required body rejects an empty one', async () => {
    for (const op of operations.filter(
      (o) => (o.operation.requestBody as { required?: boolean })?.required,
    )) {
      const { path, init } = validRequest(op);
      delete init.body;
      const res = await call(path, init);
      expect(res.status, operationLabel(op)).toBe(400);
      expect(await contractProblems(op, res), operationLabel(op)).toEqual([]);
    }
  });
});
