/**
 * The in-process handlers (msw/node, as app tests use them) and the HTTP server answer the same
 * request sequence byte for byte: same status, media type, ETag and body.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createHandlers,
  createMockServer,
  type MockServer,
} from '../../packages/mock/src/index.ts';

const FIXED_NOW = () => new Date('2026-03-01T12:00:00Z');
const IN_PROCESS = 'https://api.minbil.test/api/co';

const inProcess = setupServer(...createHandlers({ baseUrl: IN_PROCESS, now: FIXED_NOW }));
let http: MockServer;
beforeAll(async () => {
  inProcess.listen({ onUnhandledFrame: 'bypass' });
  http = await createMockServer({ port: 0, now: FIXED_NOW });
});
afterAll(async () => {
  inProcess.close();
  await http.close();
});

type Step = (tokens: Record<string, string>) => [string, RequestInit?];
const json = { 'content-type': 'application/json' };
const demo = { authorization: 'Bearer minbil-demo-access-token' };
const steps: Step[] = [
  () => [
    '/auth/sign-in',
    { method: 'POST', headers: json, body: '{"email":"kari@example.no","password":"x"}' },
  ],
  (t) => ['/auth/refresh', { method: 'POST', headers: { authorization: `Bearer ${t.refresh}` } }],
  (t) => [
    '/auth/refresh',
    { method: 'POST', headers: { authorization: `Bearer ${t.oldRefresh}` } },
  ],
  (t) => ['/profile', { headers: { authorization: `Bearer ${t.access}` } }],
  () => ['/notifications?page=2&page_size=10', { headers: demo }],
  () => ['/notifications?status=nope', { headers: demo }],
  () => ['/messages/thread/abc', { headers: demo }],
  () => ['/car-brands'],
  () => ['/shops/921460929', { headers: { prefer: 'code=404' } }],
  () => ['/auth/sign-in', { method: 'POST', headers: json, body: '{oops' }],
  () => ['/no/such/path'],
  () => ['/profile', { method: 'PATCH' }],
];

async function run(base: string) {
  const tokens: Record<string, string> = {};
  const out = [];
  for (const step of steps) {
    const [path, init] = step(tokens);
    const res = await fetch(`${base}${path}`, init);
    const body = await res.text();
    const parsed = res.headers.get('content-type')?.includes('json') ? JSON.parse(body) : body;
    if (parsed?.refresh_token) {
      tokens.oldRefresh = tokens.refresh ?? '';
      tokens.refresh = parsed.refresh_token;
      tokens.access = parsed.access_token;
    }
    out.push({
      path,
      status: res.status,
      type: res.headers.get('content-type'),
      etag: res.headers.get('etag'),
      body: parsed,
    });
  }
  return out;
}

it('in-process MSW and the HTTP server answer the same requests the same way', async () => {
  const a = await run(IN_PROCESS);
  const b = await run(http.baseUrl);
  expect(a.map((r) => r.status)).toEqual([
    200, 200, 401, 200, 200, 400, 400, 401, 404, 400, 404, 405,
  ]);
  expect(b).toEqual(a);
});
