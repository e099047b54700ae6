/**
 * Idempotency keys: one key per call, the same on every retry, so a server that saw the first
 * attempt answers the retry with a replay instead of doing the work twice. Keyed POSTs are
 * retried like GETs; unkeyed POSTs never are.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import { encodeOperation } from '../../scripts/stages/client-types/emit-operations.ts';
import { deriveOperationTable } from '../../scripts/stages/client-types/operation-table.ts';
import { createApiClient } from '../../packages/client/src/client.ts';
import { newIdempotencyKey } from '../../packages/client/src/idempotency.ts';
import {
  createClient,
  createMemoryTokenStore,
  NetworkError,
} from '../../packages/client/src/index.ts';
import {
  countingFetch,
  hangUp,
  json,
  startTestServer,
  type RecordedRequest,
  type TestServer,
} from './helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllGlobals());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const key = (req: RecordedRequest) => req.headers['idempotency-key'] as string | undefined;

/**
 * Like a payments API: the first attempt with a key does the work but its answer is lost (the
 * connection drops); a repeat with the same key replays the stored answer.
 */
function replayingServer() {
  const done = new Map<string, unknown>();
  let created = 0;
  server.handle((req, res) => {
    const k = key(req);
    if (k && done.has(k)) return json(res, 201, done.get(k), { 'idempotent-replayed': 'true' });
    const booking = { data: { id: `b-${++created}` } };
    if (k) done.set(k, booking);
    return k ? hangUp(res) : json(res, 201, booking);
  });
  return { created: () => created };
}

function makeClient() {
  const counter = countingFetch();
  const client = createClient({
    baseUrl: server.baseUrl,
    fetch: counter.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
  });
  return { client, counter };
}

const booking = { org_nr: '123', service_id: 1 } as never;

describe('per-call idempotencyKey', () => {
  it('`true`: a generated key, the same on the retry; the replay is returned and work done once', async () => {
    const srv = replayingServer();
    const { client } = makeClient();
    const before = server.requests.length;
    const { data, response } = await client.POST('/bookings', {
      body: booking,
      idempotencyKey: true,
    });
    const attempts = server.requests.slice(before);
    expect(attempts).toHaveLength(2);
    expect(key(attempts[0]!)).toMatch(UUID);
    expect(key(attempts[1]!)).toBe(key(attempts[0]!));
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    expect(data).toEqual({ data: { id: 'b-1' } });
    expect(srv.created()).toBe(1);
  });

  it('a string is sent as the key; each call gets its own generated key', async () => {
    replayingServer();
    const { client } = makeClient();
    const before = server.requests.length;
    await client.POST('/bookings', { body: booking, idempotencyKey: 'order-42' });
    await client.POST('/bookings', { body: booking, idempotencyKey: true });
    await client.POST('/bookings', { body: booking, idempotencyKey: true });
    const keys = server.requests.slice(before).map(key);
    expect(keys.slice(0, 2)).toEqual(['order-42', 'order-42']);
    expect(new Set(keys.slice(2)).size).toBe(2);
  });

  it("the caller's own Idempotency-Key header also makes a POST retryable, on 503 too", async () => {
    let n = 0;
    server.handle((_req, res) => (++n < 3 ? json(res, 503, {}) : json(res, 201, { data: {} })));
    const { client, counter } = makeClient();
    const { response } = await client.POST('/bookings', {
      body: booking,
      headers: { 'Idempotency-Key': 'mine' },
    });
    expect(response.status).toBe(201);
    expect(counter.calls.map((r) => r.headers.get('idempotency-key'))).toEqual([
      'mine',
      'mine',
      'mine',
    ]);
  });

  it('without a key a POST is sent once and carries no key', async () => {
    server.handle((_req, res) => hangUp(res));
    const { client, counter } = makeClient();
    await expect(client.POST('/bookings', { body: booking })).rejects.toBeInstanceOf(NetworkError);
    expect(counter.calls).toHaveLength(1);
    expect(counter.calls[0]!.headers.get('idempotency-key')).toBeNull();
  });
});

describe('operations the spec marks', () => {
  const spec = (mark: Record<string, unknown>) =>
    ({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/bookings': { post: { operationId: 'pay', responses: {}, ...mark } } },
    }) as unknown as OpenAPIV3_1.Document;

  for (const [name, mark] of [
    ['x-idempotent: true', { 'x-idempotent': true }],
    [
      'an Idempotency-Key header parameter',
      { parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }] },
    ],
  ] as const) {
    it(`${name}: every call gets a key without asking and is retried with it`, async () => {
      const entry = encodeOperation(deriveOperationTable(spec(mark)).operations['POST /bookings']!);
      const client = createApiClient({ 'POST /bookings': entry as never }, null, {
        baseUrl: server.baseUrl,
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
      }) as unknown as { POST: (path: string, init: object) => Promise<{ data?: unknown }> };
      const srv = replayingServer();
      const before = server.requests.length;
      const { data } = await client.POST('/bookings', { body: {} });
      const attempts = server.requests.slice(before);
      expect(attempts.map(key)).toEqual([key(attempts[0]!), key(attempts[0]!)]);
      expect(key(attempts[0]!)).toMatch(UUID);
      expect(data).toEqual({ data: { id: 'b-1' } });
      expect(srv.created()).toBe(1);
    });
  }
});

describe('key generation', () => {
  it('makes UUID v4 keys without crypto.randomUUID (Hermes) and without crypto at all', () => {
    vi.stubGlobal('crypto', { getRandomValues: (b: Uint8Array) => b.fill(7) });
    expect(newIdempotencyKey()).toMatch(UUID);
    vi.stubGlobal('crypto', undefined);
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    expect([...keys].every((k) => UUID.test(k))).toBe(true);
    expect(keys.size).toBe(100);
  });
});
