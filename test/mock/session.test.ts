import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../packages/mock/src/index.ts';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ port: 0 });
});
afterAll(() => server.close());

const call = (path: string, init: RequestInit = {}) => fetch(`${server.baseUrl}${path}`, init);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function signIn() {
  const res = await call('/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'kari@example.no', password: 'hemmelig' }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { access_token: string; refresh_token: string };
}

describe('tokens', () => {
  it('sign-in issues tokens the other operations accept', async () => {
    const { access_token } = await signIn();
    expect((await call('/profile', { headers: bearer(access_token) })).status).toBe(200);
  });

  it('each sign-in issues different tokens', async () => {
    const a = await signIn();
    const b = await signIn();
    expect(a.access_token).not.toBe(b.access_token);
    expect(a.refresh_token).not.toBe(b.refresh_token);
  });

  it('refresh rotates: new tokens work, the old refresh token is rejected afterwards', async () => {
    const first = await signIn();
    const res = await call('/auth/refresh', {
      method: 'POST',
      headers: bearer(first.refresh_token),
    });
    expect(res.status).toBe(200);
    const second = (await res.json()) as { access_token: string; refresh_token: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await call('/profile', { headers: bearer(second.access_token) })).status).toBe(200);
    const reuse = await call('/auth/refresh', {
      method: 'POST',
      headers: bearer(first.refresh_token),
    });
    expect(reuse.status).toBe(401);
    expect((await reuse.json()).message).toMatch(/refresh token/);
    expect(
      (await call('/auth/refresh', { method: 'POST', headers: bearer(second.refresh_token) }))
        .status,
    ).toBe(200);
  });

  it('refresh refuses an access token', async () => {
    const { access_token } = await signIn();
    expect(
      (await call('/auth/refresh', { method: 'POST', headers: bearer(access_token) })).status,
    ).toBe(401);
  });

  it('sign-out revokes the session', async () => {
    const { access_token, refresh_token } = await signIn();
    expect(
      (await call('/auth/sign-out', { method: 'POST', headers: bearer(access_token) })).status,
    ).toBe(200);
    expect((await call('/profile', { headers: bearer(access_token) })).status).toBe(401);
    expect(
      (await call('/auth/refresh', { method: 'POST', headers: bearer(refresh_token) })).status,
    ).toBe(401);
  });

  it('the demo token survives sign-out', async () => {
    const demo = bearer('minbil-demo-access-token');
    await call('/auth/sign-out', { method: 'POST', headers: demo });
    expect((await call('/profile', { headers: demo })).status).toBe(200);
  });
});

describe('ETag on GET /profile', () => {
  const demo = bearer('minbil-demo-access-token');

  it('answers 304 with no body to a matching If-None-Match, 200 otherwise', async () => {
    const first = await call('/profile', { headers: demo });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"p-[0-9a-f]+"$/);
    const again = await call('/profile', { headers: { ...demo, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const weak = await call('/profile', { headers: { ...demo, 'if-none-match': `W/${etag}` } });
    expect(weak.status).toBe(304);
    const other = await call('/profile', { headers: { ...demo, 'if-none-match': '"p-other"' } });
    expect(other.status).toBe(200);
  });

  it('changes after the profile is updated', async () => {
    const before = (await call('/profile', { headers: demo })).headers.get('etag')!;
    const update = await call('/profile', {
      method: 'PUT',
      headers: { ...demo, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Kari' }),
    });
    expect(update.status, await update.clone().text()).toBe(200);
    const after = await call('/profile', { headers: { ...demo, 'if-none-match': before } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });
});
