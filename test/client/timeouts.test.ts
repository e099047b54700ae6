/** Per-attempt timeouts and caller cancellation, on a real server that answers slowly. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  createMemoryTokenStore,
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

function makeClient(timeoutMs: number) {
  const counter = countingFetch();
  const client = createClient({
    baseUrl: server.baseUrl,
    fetch: counter.fetch,
    timeoutMs,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
  });
  return { client, counter };
}

describe('per-attempt timeout', () => {
  it('a slow first attempt times out and the retry succeeds', async () => {
    const { client, counter } = makeClient(400);
    let n = 0;
    server.handle(async (_req, res) => {
      if (++n === 1) await delay(1500);
      json(res, 200, { uid: 'u', email: 'e' });
    });
    const { data } = await client.GET('/profile');
    expect(data?.uid).toBe('u');
    expect(counter.calls).toHaveLength(2);
  });

  it('two requests far apart both succeed (the timeout is per attempt, not per client)', async () => {
    const { client } = makeClient(200);
    server.handle(async (_req, res) => {
      await delay(100);
      json(res, 200, { uid: 'u', email: 'e' });
    });
    expect((await client.GET('/profile')).data?.uid).toBe('u');
    await delay(300);
    expect((await client.GET('/profile')).data?.uid).toBe('u');
  });

  it('raises TimeoutError once retries are used up; a POST is not retried', async () => {
    const { client, counter } = makeClient(50);
    server.handle(async (_req, res) => {
      await delay(300);
      json(res, 200, {});
    });
    const error = await client
      .POST('/messages/mark-read', { body: {} as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(50);
    expect(counter.calls).toHaveLength(1);
  });

  it('needs neither AbortSignal.timeout nor AbortSignal.any (missing in Hermes)', async () => {
    const missing = () => {
      throw new TypeError('not available in this runtime');
    };
    vi.spyOn(AbortSignal, 'timeout').mockImplementation(missing);
    vi.spyOn(AbortSignal, 'any').mockImplementation(missing);
    // A timeout generous enough for a loaded CI machine; the first attempt is far beyond it.
    const { client, counter } = makeClient(400);
    let n = 0;
    server.handle(async (_req, res) => {
      if (++n === 1) await delay(1500);
      json(res, 200, { uid: 'u', email: 'e' });
    });
    const controller = new AbortController();
    expect((await client.GET('/profile', { signal: controller.signal })).data?.uid).toBe('u');
    expect(counter.calls).toHaveLength(2);
  });
});

describe('caller cancellation', () => {
  it('aborting mid-request rejects with the caller reason and does not retry', async () => {
    const { client, counter } = makeClient(5000);
    server.handle(async (_req, res) => {
      await delay(500);
      json(res, 200, {});
    });
    const controller = new AbortController();
    const call = client.GET('/profile', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left the screen')), 50);
    await expect(call).rejects.toThrow('user left the screen');
    expect(counter.calls).toHaveLength(1);
  });

  it('aborting during the backoff stops further attempts', async () => {
    const counter = countingFetch();
    const client = createClient({
      baseUrl: server.baseUrl,
      fetch: counter.fetch,
      retry: { baseDelayMs: 1000 },
      tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
    });
    server.handle((_req, res) => json(res, 503, {}));
    const controller = new AbortController();
    const call = client.GET('/profile', { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(counter.calls).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { client, counter } = makeClient(5000);
    await expect(client.GET('/profile', { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(counter.calls).toHaveLength(0);
  });
});
