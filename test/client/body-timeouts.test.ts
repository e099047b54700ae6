/**
 * Timeouts, deadlines and aborts once the headers have arrived: the body is part of the attempt.
 * The server sends headers and half a body, then stalls for 3 s (a phone in a tunnel).
 */
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  createMemoryTokenStore,
  NetworkError,
  TimeoutError,
} from '../../packages/client/src/index.ts';
import {
  countingFetch,
  delay,
  json,
  startTestServer,
  type TestServer,
} from './helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

const profile = JSON.stringify({ uid: 'u1', email: 'kari@example.no', pad: 'x'.repeat(4000) });

/** Headers and the first half of the body now, the rest after `stallMs`. */
async function stallingBody(res: ServerResponse, stallMs: number): Promise<void> {
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(profile),
    'x-request-id': 'req-stall',
  });
  res.write(profile.slice(0, 2000));
  await delay(stallMs);
  if (!res.destroyed) res.end(profile.slice(2000));
}

function makeClient(options: { timeoutMs?: number; deadlineMs?: number } = {}) {
  const counter = countingFetch();
  const client = createClient({
    baseUrl: server.baseUrl,
    fetch: counter.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
    ...options,
  });
  return { client, counter };
}

describe('a body that stalls after the headers', () => {
  it('timeoutMs bounds each attempt to the last body byte; a GET is retried, then TimeoutError', async () => {
    server.handle((_req, res) => stallingBody(res, 3000));
    const { client, counter } = makeClient({ timeoutMs: 300 });
    const started = performance.now();
    const error = await client.GET('/profile').catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      timeoutMs: 300,
      scope: 'attempt',
      method: 'GET',
      operationId: 'getProfile',
      status: 200,
      requestId: 'req-stall',
    });
    expect(counter.calls).toHaveLength(3);
    // Three attempts of 300 ms, far from the 3 s the server would have taken.
    expect(elapsed).toBeLessThan(2500);
  });

  it('the retry that gets the whole body returns it', async () => {
    let n = 0;
    server.handle((_req, res) => (++n === 1 ? stallingBody(res, 3000) : stallingBody(res, 0)));
    const { client, counter } = makeClient({ timeoutMs: 800 });
    const { data } = await client.GET('/profile');
    expect(data?.uid).toBe('u1');
    expect(counter.calls).toHaveLength(2);
  });

  it("the caller's abort at 200 ms ends the download with the caller's reason, no retry", async () => {
    server.handle((_req, res) => stallingBody(res, 3000));
    const { client, counter } = makeClient({ timeoutMs: 10_000 });
    const controller = new AbortController();
    const reason = new Error('screen unmounted');
    setTimeout(() => controller.abort(reason), 200);
    const started = performance.now();
    const error = await client.GET('/profile', { signal: controller.signal }).catch((e) => e);
    expect(error).toBe(reason);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(counter.calls).toHaveLength(1);
  });

  // Without a `fetch` option the client calls the platform fetch and relies on its signal
  // (no race against it): the stalled body must still end at the timeout and at the abort.
  it('with the platform fetch: the timeout ends a stalled body, then the retry too', async () => {
    server.handle((_req, res) => stallingBody(res, 3000));
    const before = server.requests.length;
    const client = createClient({
      baseUrl: server.baseUrl,
      timeoutMs: 300,
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5 },
      tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
    });
    const started = performance.now();
    const error = await client.GET('/profile').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ scope: 'attempt', status: 200, requestId: 'req-stall' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(server.requests.length - before).toBe(2);
  });

  it("with the platform fetch: the caller's abort ends a stalled body with its reason", async () => {
    server.handle((_req, res) => stallingBody(res, 3000));
    const client = createClient({
      baseUrl: server.baseUrl,
      tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
    });
    const controller = new AbortController();
    const reason = new Error('screen unmounted');
    setTimeout(() => controller.abort(reason), 200);
    const started = performance.now();
    const error = await client.GET('/profile', { signal: controller.signal }).catch((e) => e);
    expect(error).toBe(reason);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('works without AbortSignal.timeout and AbortSignal.any (Hermes)', async () => {
    const missing = () => {
      throw new TypeError('not available in this runtime');
    };
    vi.spyOn(AbortSignal, 'timeout').mockImplementation(missing);
    vi.spyOn(AbortSignal, 'any').mockImplementation(missing);
    server.handle((_req, res) => stallingBody(res, 3000));
    const { client } = makeClient({ timeoutMs: 200 });
    const controller = new AbortController();
    const error = await client
      .GET('/profile', { signal: controller.signal, retry: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('a connection reset mid-body is a NetworkError with status and request id, and is retried', async () => {
    let n = 0;
    server.handle(async (_req, res) => {
      if (++n > 1) return json(res, 200, { uid: 'u2', email: 'e' });
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': 5000,
        'x-request-id': 'req-reset',
      });
      res.write('{"uid":');
      await delay(20);
      res.socket?.resetAndDestroy();
    });
    const { client, counter } = makeClient({ timeoutMs: 2000 });
    expect((await client.GET('/profile')).data?.uid).toBe('u2');
    expect(counter.calls).toHaveLength(2);
    n = -10; // every attempt resets now
    const error = await client.GET('/profile', { retry: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ status: 200, requestId: 'req-reset', operationId: 'getProfile' });
  });
});

describe('deadlineMs and per-call options', () => {
  it('deadlineMs bounds the call with its retries and waits: TimeoutError scope call', async () => {
    server.handle((_req, res) => json(res, 503, {}, { 'retry-after': '1' }));
    const { client, counter } = makeClient({ timeoutMs: 5000 });
    const started = performance.now();
    const error = await client.GET('/profile', { deadlineMs: 400 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ scope: 'call', timeoutMs: 400 });
    expect(performance.now() - started).toBeLessThan(900);
    // The first 503 asked for 1 s: the deadline ended the wait, no second attempt.
    expect(counter.calls).toHaveLength(1);
  });

  it('a client-wide deadlineMs applies to every call', async () => {
    server.handle((_req, res) => stallingBody(res, 3000));
    const { client } = makeClient({ timeoutMs: 5000, deadlineMs: 300 });
    await expect(client.GET('/profile')).rejects.toMatchObject({ scope: 'call' });
  });

  it('per-call retry and timeoutMs override the client', async () => {
    server.handle((_req, res) => json(res, 503, {}));
    const { client, counter } = makeClient({ timeoutMs: 5000 });
    await client.GET('/profile', { retry: { maxRetries: 4 } });
    expect(counter.calls).toHaveLength(5);
    await client.GET('/profile', { retry: false });
    expect(counter.calls).toHaveLength(6);

    server.handle((_req, res) => stallingBody(res, 3000));
    const error = await client
      .GET('/profile', { timeoutMs: 100, retry: { maxRetries: 0 } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError', timeoutMs: 100 });
  });

  it('per-call options are not sent to the server or copied onto the Request', async () => {
    server.handle((_req, res) => json(res, 200, { uid: 'u', email: 'e' }));
    const { client, counter } = makeClient();
    await client.GET('/profile', { timeoutMs: 1000, deadlineMs: 2000, retry: false });
    const sent = counter.calls[0]! as Request & Record<string, unknown>;
    expect(sent.retry).toBeUndefined();
    expect(sent.deadlineMs).toBeUndefined();
    expect(Object.keys(server.requests.at(-1)!.headers)).not.toContain('timeoutms');
  });
});
