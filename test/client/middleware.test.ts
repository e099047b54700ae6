/** openapi-fetch-style middleware on the client's own request loop: once per call, not per retry. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Middleware } from 'openapi-fetch';
import { createClient, createMemoryTokenStore } from '../../packages/client/src/index.ts';
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

function makeClient() {
  const counter = countingFetch();
  const client = createClient({
    baseUrl: server.baseUrl,
    fetch: counter.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
  });
  return { client, counter };
}

it('onRequest/onResponse run once per call around all retries; eject removes them', async () => {
  let n = 0;
  server.handle((_req, res) => (++n < 3 ? json(res, 503, {}) : json(res, 200, { uid: 'u' })));
  const { client, counter } = makeClient();
  const seen: string[] = [];
  const middleware: Middleware = {
    onRequest({ request, schemaPath }) {
      seen.push(`request ${request.method} ${schemaPath}`);
      const next = new Request(request);
      next.headers.set('accept-language', 'nb');
      return next;
    },
    onResponse({ response }) {
      seen.push(`response ${response.status}`);
    },
  };
  client.use(middleware);
  const { data } = await client.GET('/profile');
  expect(data).toMatchObject({ uid: 'u' });
  expect(seen).toEqual(['request GET /profile', 'response 200']);
  expect(counter.calls).toHaveLength(3);
  // The header set by middleware and the bearer token added after it both went out every time.
  for (const sent of server.requests.slice(-3)) {
    expect(sent.headers['accept-language']).toBe('nb');
    expect(sent.headers.authorization).toBe('Bearer a');
  }
  client.eject(middleware);
  await client.GET('/profile');
  expect(seen).toHaveLength(2);
});

it('onRequest may answer instead of the server; onError may replace a transport failure', async () => {
  const { client, counter } = makeClient();
  client.use({
    onRequest: () => Response.json({ uid: 'from-middleware' }),
  });
  expect((await client.GET('/profile')).data).toMatchObject({ uid: 'from-middleware' });
  expect(counter.calls).toHaveLength(0);

  const other = makeClient();
  server.handle((_req, res) => hangUp(res));
  other.client.use({ onError: () => Response.json({ uid: 'offline-copy' }) });
  expect((await other.client.GET('/profile', { retry: false })).data).toMatchObject({
    uid: 'offline-copy',
  });
});
