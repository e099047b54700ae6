/** The retry policy on a real server: exact attempt counts per status x method, Retry-After, limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  createMemoryTokenStore,
  NetworkError,
  RETRYABLE_STATUSES,
  type ClientOptions,
} from '../../packages/client/src/index.ts';
import { retryAfterDelay } from '../../packages/client/src/retry-policy.ts';
import {
  countingFetch,
  hangUp,
  json,
  startTestServer,
  type TestServer,
} from './helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function makeClient(options: Partial<ClientOptions> = {}) {
  const counter = countingFetch();
  const client = createClient({
    baseUrl: server.baseUrl,
    fetch: counter.fetch,
    tokenStore: createMemoryTokenStore({ accessToken: 'a', refreshToken: 'r' }),
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
  return { client, counter };
}

// One real operation per method.
const calls = {
  GET: (c: ReturnType<typeof makeClient>['client']) => c.GET('/profile'),
  PUT: (c: ReturnType<typeof makeClient>['client']) =>
    c.PUT('/presence', { body: { status: 'online' } as never }),
  DELETE: (c: ReturnType<typeof makeClient>['client']) => c.DELETE('/profile'),
  OPTIONS: (c: ReturnType<typeof makeClient>['client']) => c.OPTIONS('/messages/send'),
  POST: (c: ReturnType<typeof makeClient>['client']) =>
    c.POST('/messages/mark-read', { body: {} as never }),
};

describe('retry matrix (status x method -> attempts)', () => {
  const statuses = [408, 429, 502, 503, 504, 500, 400, 401, 404, 409, 422];
  for (const status of statuses) {
    for (const [method, call] of Object.entries(calls)) {
      const idempotent = method !== 'POST';
      const expected = idempotent && RETRYABLE_STATUSES.has(status) ? 3 : 1;
      it(`${status} on ${method} -> ${expected} attempt(s)`, async () => {
        // 401 with no refresh path: no refresh token, so the session ends without another call.
        const { client, counter } = makeClient(
          status === 401 ? { tokenStore: createMemoryTokenStore(null) } : {},
        );
        server.handle((_req, res) => json(res, status, { error: { code: 'X', message: 'm' } }));
        const { error } = await call(client);
        expect(error?.status).toBe(status);
        expect(counter.calls).toHaveLength(expected);
      });
    }
  }

  it('succeeds when a retry succeeds', async () => {
    const { client, counter } = makeClient();
    let n = 0;
    server.handle((_req, res) =>
      ++n < 3 ? json(res, 503, {}) : json(res, 200, { uid: 'u', email: 'e' }),
    );
    const { data } = await client.GET('/profile');
    expect(data?.uid).toBe('u');
    expect(counter.calls).toHaveLength(3);
  });
});

describe('connection errors', () => {
  it('retries a GET twice, then raises NetworkError', async () => {
    const { client, counter } = makeClient();
    server.handle((_req, res) => hangUp(res));
    await expect(client.GET('/profile')).rejects.toBeInstanceOf(NetworkError);
    expect(counter.calls).toHaveLength(3);
  });

  it('never retries a POST', async () => {
    const { client, counter } = makeClient();
    server.handle((_req, res) => hangUp(res));
    await expect(client.POST('/messages/mark-read', { body: {} as never })).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(counter.calls).toHaveLength(1);
  });

  it('raises NetworkError for a refused connection', async () => {
    const { client } = makeClient({ baseUrl: 'http://127.0.0.1:1/api/co', retry: false });
    await expect(client.GET('/profile')).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('limits', () => {
  it('retry: false sends once', async () => {
    const { client, counter } = makeClient({ retry: false });
    server.handle((_req, res) => json(res, 503, {}));
    await client.GET('/profile');
    expect(counter.calls).toHaveLength(1);
  });

  it('never retries a body that cannot be replayed (ReadableStream)', async () => {
    const { client, counter } = makeClient();
    server.handle((_req, res) => json(res, 503, {}));
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"status":"online"}'));
        controller.close();
      },
    });
    const { error } = await client.PUT('/presence', { body: body as never, duplex: 'half' });
    expect(error?.status).toBe(503);
    expect(counter.calls).toHaveLength(1);
  });
});

describe('Retry-After', () => {
  async function gapBetweenAttempts(retryAfter: string): Promise<number> {
    const { client, counter } = makeClient();
    const times: number[] = [];
    server.handle((_req, res) => {
      times.push(Date.now());
      return times.length === 1
        ? json(res, 429, {}, { 'retry-after': retryAfter })
        : json(res, 200, {});
    });
    await client.GET('/profile');
    expect(counter.calls).toHaveLength(2);
    return times[1]! - times[0]!;
  }

  it('waits the seconds the server asks for', async () => {
    expect(await gapBetweenAttempts('1')).toBeGreaterThanOrEqual(950);
  });

  it('waits until an HTTP-date', async () => {
    const date = new Date(Date.now() + 2000).toUTCString();
    expect(await gapBetweenAttempts(date)).toBeGreaterThanOrEqual(900);
  });

  it('falls back to backoff when Retry-After exceeds the cap', async () => {
    expect(await gapBetweenAttempts('3600')).toBeLessThan(1000);
  });

  it('parses delta-seconds, HTTP-dates and retry-after-ms, and ignores values above the cap', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const h = (init: Record<string, string>) => new Headers(init);
    expect(retryAfterDelay(h({ 'retry-after': '3' }), 60_000, now)).toBe(3000);
    expect(
      retryAfterDelay(h({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), 60_000, now),
    ).toBe(5000);
    expect(retryAfterDelay(h({ 'retry-after-ms': '250' }), 60_000, now)).toBe(250);
    expect(retryAfterDelay(h({ 'retry-after': '3600' }), 60_000, now)).toBeUndefined();
    expect(retryAfterDelay(h({ 'retry-after': 'soon' }), 60_000, now)).toBeUndefined();
    expect(retryAfterDelay(h({}), 60_000, now)).toBeUndefined();
  });
});
