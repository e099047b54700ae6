/** GET /profile revalidates with If-None-Match and answers a 304 from the cached body. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createMemoryTokenStore } from '../../packages/client/src/index.ts';
import { json, startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const profile = { uid: 'u1', email: 'kari@example.no', firstName: 'Kari' };

function etagServer() {
  server.handle((req, res) => {
    if (req.headers['if-none-match'] === '"p-1"') {
      res.writeHead(304, { etag: '"p-1"' });
      res.end();
      return;
    }
    json(res, 200, profile, { etag: '"p-1"' });
  });
}

describe('304 Not Modified', () => {
  it('sends the last ETag and returns the cached body on 304', async () => {
    etagServer();
    const client = createClient({
      baseUrl: server.baseUrl,
      tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
    });
    const first = await client.GET('/profile');
    expect(first.response.status).toBe(200);
    expect(server.requests.at(-1)!.headers['if-none-match']).toBeUndefined();
    const second = await client.GET('/profile');
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"p-1"');
    expect(second.response.status).toBe(304);
    expect(second.error).toBeUndefined();
    expect(second.data).toEqual(profile);
  });

  it('a 200 with an ETag and an empty body, then a 304: data is undefined, nothing throws', async () => {
    server.handle((req, res) => {
      res.writeHead(req.headers['if-none-match'] === '"e-0"' ? 304 : 200, {
        etag: '"e-0"',
        'content-length': 0,
      });
      res.end();
    });
    const client = createClient({
      baseUrl: server.baseUrl,
      tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
    });
    const first = await client.GET('/profile');
    expect(first).toMatchObject({ data: undefined });
    expect(first.error).toBeUndefined();
    const second = await client.GET('/profile');
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"e-0"');
    expect(second.response.status).toBe(304);
    expect(second.error).toBeUndefined();
    expect(second.data).toBeUndefined();
  });

  it('the cached copy cannot be changed through a returned object', async () => {
    etagServer();
    const client = createClient({
      baseUrl: server.baseUrl,
      tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
    });
    const first = await client.GET('/profile');
    first.data!.email = 'changed@example.no';
    expect((await client.GET('/profile')).data?.email).toBe('kari@example.no');
  });

  it("another user's session never gets the cached profile", async () => {
    etagServer();
    const client = createClient({
      baseUrl: server.baseUrl,
      tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
    });
    await client.GET('/profile');
    await client.session.save({ accessToken: 'b' });
    await client.GET('/profile');
    expect(server.requests.at(-1)!.headers['if-none-match']).toBeUndefined();
  });
});
