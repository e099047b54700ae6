/** Auth from the spec and single-flight token refresh, against a real server with rotating tokens. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  createMemoryTokenStore,
  SessionExpiredError,
  UnauthorizedError,
  type AuthTokens,
  type ClientOptions,
  type TokenStore,
} from '../../packages/client/src/index.ts';
import { bearer, delay, json, startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const unauthorized = {
  type: 'about:blank',
  title: 'Unauthorized',
  status: 401,
  code: 'UNAUTHORIZED',
  message: 'Token expired',
};
const tokens = (n: number) => ({
  access_token: `access-${n}`,
  refresh_token: `refresh-${n}`,
  expires_in: 900,
  expires_at: '2030-01-01T00:00:00Z',
  token_type: 'bearer',
});

function makeClient(options: Partial<ClientOptions> = {}) {
  const store =
    options.tokenStore ??
    createMemoryTokenStore({ accessToken: 'access-0', refreshToken: 'refresh-0' });
  const client = createClient({
    baseUrl: server.baseUrl,
    apiKey: 'key-1',
    retry: false,
    ...options,
    tokenStore: store,
  });
  return { client, store };
}

/**
 * A server with rotating refresh tokens. The client starts with access-0/refresh-0, and access-0
 * has expired: only the access token of the latest refresh (access-1, access-2...) is accepted.
 */
function rotatingServer(
  refresh: (
    req: Parameters<Parameters<TestServer['handle']>[0]>[0],
    n: number,
  ) => void | 'fail' | 'unavailable' | 'garbage' = () => undefined,
  on: TestServer = server,
) {
  let current = 0;
  let refreshes = 0;
  on.handle(async (req, res) => {
    if (req.path === '/auth/refresh') {
      refreshes++;
      const mode = refresh(req, refreshes);
      if (mode === 'fail' || bearer(req) !== `refresh-${current}`)
        return json(res, 401, unauthorized);
      if (mode === 'unavailable') return json(res, 503, {});
      if (mode === 'garbage') return json(res, 200, { ok: true });
      await delay(20); // keep the refresh in flight while other 401s arrive
      current++;
      return json(res, 200, tokens(current));
    }
    if (current === 0 || bearer(req) !== `access-${current}`)
      return json(res, 401, unauthorized, { 'content-type': 'application/problem+json' });
    return json(res, 200, { uid: 'u1', email: 'a@b.no', seen: bearer(req) });
  });
  return { refreshes: () => refreshes };
}

describe('auth from the spec', () => {
  it('sends each credential only where the spec asks for it', async () => {
    const { client } = makeClient();
    server.handle((_req, res) => json(res, 200, {}));
    const before = server.requests.length;
    await client.GET('/profile'); // bearer
    await client.GET('/car-brands'); // api key
    await client.GET('/booking-statuses'); // public
    await client.GET('/shops'); // optional bearer, token available
    const [profile, brands, statuses, shops] = server.requests.slice(before);
    expect(profile!.headers.authorization).toBe('Bearer access-0');
    expect(profile!.headers['x-api-key']).toBeUndefined();
    expect(brands!.headers['x-api-key']).toBe('key-1');
    expect(brands!.headers.authorization).toBeUndefined();
    expect(statuses!.headers.authorization).toBeUndefined();
    expect(statuses!.headers['x-api-key']).toBeUndefined();
    expect(shops!.headers.authorization).toBe('Bearer access-0');
  });

  it('sends no token on an optional-auth operation when signed out', async () => {
    const { client } = makeClient({ tokenStore: createMemoryTokenStore(null) });
    server.handle((_req, res) => json(res, 200, { data: [], meta: { page: 1, has_next: false } }));
    await client.GET('/shops');
    expect(server.requests.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('stores the tokens of a sign-in', async () => {
    const { client, store } = makeClient({ tokenStore: createMemoryTokenStore(null) });
    server.handle((_req, res) => json(res, 200, { ...tokens(7), user: {} }));
    const { data } = await client.POST('/auth/sign-in', {
      body: { email: 'a@b.no', password: 'pw' },
    });
    await client.session.save(data!);
    expect(await store.get()).toEqual({
      accessToken: 'access-7',
      refreshToken: 'refresh-7',
      expiresAt: '2030-01-01T00:00:00Z',
    });
  });
});

describe('single-flight refresh', () => {
  it('50 concurrent requests on an expired token: 1 refresh, 50 successes', async () => {
    const { client, store } = makeClient();
    const srv = rotatingServer();
    const results = await Promise.all(Array.from({ length: 50 }, () => client.GET('/profile')));
    expect(results.filter((r) => r.data?.uid === 'u1')).toHaveLength(50);
    expect(srv.refreshes()).toBe(1);
    expect((await store.get())?.refreshToken).toBe('refresh-1');
    // Each request: one 401 then one success.
    expect(server.hits('/profile').filter((r) => bearer(r) === 'access-1')).toHaveLength(50);
  });

  it('an async token store with 0-30 ms latency: 100 rounds of 50 concurrent calls, 1 refresh each', async () => {
    // Like SecureStore or IndexedDB: get() returns what was stored when it was called, after a
    // delay; set() becomes visible only when it resolves. Latencies come from a seeded sequence.
    let seed = 14;
    const latency = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 31;
    };
    const slowStore = (initial: AuthTokens): TokenStore => {
      let value: AuthTokens | null = initial;
      return {
        async get() {
          const snapshot = value;
          await delay(latency());
          return snapshot;
        },
        async set(next) {
          await delay(latency());
          value = next;
        },
      };
    };
    // Four lanes of 25 rounds, each lane with its own server, to keep the test short.
    const lanes = await Promise.all(Array.from({ length: 4 }, () => startTestServer()));
    const perRound: number[] = [];
    try {
      await Promise.all(
        lanes.map(async (lane) => {
          for (let round = 0; round < 25; round++) {
            const { client } = makeClient({
              baseUrl: lane.baseUrl,
              tokenStore: slowStore({ accessToken: 'access-0', refreshToken: 'refresh-0' }),
            });
            const srv = rotatingServer(undefined, lane);
            const calls = Array.from({ length: 50 }, () => client.GET('/profile'));
            const results = await Promise.all(calls);
            expect(results.filter((r) => r.data?.uid === 'u1')).toHaveLength(50);
            perRound.push(srv.refreshes());
          }
        }),
      );
    } finally {
      await Promise.all(lanes.map((lane) => lane.close()));
    }
    expect(perRound).toEqual(Array.from({ length: 100 }, () => 1));
  }, 120_000);

  it('a 401 that arrives after the refresh finished retries with the new token, without refreshing', async () => {
    const { client } = makeClient();
    let refreshes = 0;
    let current = 0;
    server.handle(async (req, res) => {
      if (req.path === '/auth/refresh') {
        refreshes++;
        current++;
        return json(res, 200, tokens(current));
      }
      if (current > 0 && bearer(req) === `access-${current}`) {
        return json(res, 200, { uid: 'u1', email: 'e' });
      }
      if (req.path === '/profile') await delay(150); // this 401 lands after the refresh
      return json(res, 401, unauthorized);
    });
    const slow = client.GET('/profile');
    await delay(20);
    const fast = await client.GET('/notifications/unread-count');
    expect(fast.response.status).toBe(200);
    expect((await slow).data?.uid).toBe('u1');
    expect(refreshes).toBe(1);
  });

  it('retries at most once: a new token that is also rejected gives UnauthorizedError', async () => {
    const { client } = makeClient();
    let refreshes = 0;
    server.handle((req, res) => {
      if (req.path === '/auth/refresh') return json(res, 200, tokens(++refreshes));
      return json(res, 401, unauthorized);
    });
    const { error } = await client.GET('/profile');
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error?.code).toBe('UNAUTHORIZED');
    expect(refreshes).toBe(1);
  });

  it('a 401 from the refresh call itself never triggers a refresh', async () => {
    const { client } = makeClient();
    server.handle((_req, res) => json(res, 401, unauthorized));
    const before = server.hits('/auth/refresh').length;
    const { error } = await client.POST('/auth/refresh');
    expect(error?.status).toBe(401);
    expect(server.hits('/auth/refresh').length - before).toBe(1);
    expect(server.hits('/auth/refresh').at(-1)!.headers.authorization).toBe('Bearer refresh-0');
  });
});

describe('refresh failures end without loops', () => {
  it('a rejected refresh: every caller gets SessionExpiredError, the hook runs once, tokens are cleared', async () => {
    const onSessionExpired = vi.fn();
    const { client, store } = makeClient({ onSessionExpired });
    const srv = rotatingServer(() => 'fail');
    const before = server.requests.length;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => client.GET('/profile')),
    );
    for (const r of results) {
      expect(r.status).toBe('rejected');
      const reason = (r as PromiseRejectedResult).reason as SessionExpiredError;
      expect(reason).toBeInstanceOf(SessionExpiredError);
      expect(reason.transient).toBe(false);
    }
    expect(srv.refreshes()).toBe(1);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(await store.get()).toBeNull();
    expect(server.requests.length - before).toBe(11); // 10 x 401 + 1 refresh
  });

  it('an unavailable refresh endpoint is transient: tokens kept, hook not called', async () => {
    const onSessionExpired = vi.fn();
    const { client, store } = makeClient({ onSessionExpired });
    const srv = rotatingServer(() => 'unavailable');
    const error = await client.GET('/profile').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionExpiredError);
    expect((error as SessionExpiredError).transient).toBe(true);
    expect(onSessionExpired).not.toHaveBeenCalled();
    expect((await store.get())?.refreshToken).toBe('refresh-0');
  });

  it('a refresh answer without an access token is rejected as invalid', async () => {
    const { client } = makeClient();
    const srv = rotatingServer(() => 'garbage');
    const error = await client.GET('/profile').catch((e: unknown) => e);
    expect((error as SessionExpiredError).reason).toBe('invalid-response');
  });

  it('without a refresh token nothing is sent to /auth/refresh', async () => {
    const { client } = makeClient({ tokenStore: createMemoryTokenStore({ accessToken: 'stale' }) });
    const srv = rotatingServer();
    const error = await client.GET('/profile').catch((e: unknown) => e);
    expect((error as SessionExpiredError).reason).toBe('no-refresh-token');
    expect(srv.refreshes()).toBe(0);
  });
});
