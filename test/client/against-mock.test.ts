// The happy paths an app team tries first, against the spec-driven HTTP mock (a real server on
// loopback), with response validation on: sign in, refresh, profile + 304, pagination,
// multipart upload, an API-key call, and an error mapped from the documented shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationValidators } from '../../packages/validators/src/operations.ts';
import {
  createClient,
  NotFoundError,
  type CarOwnerApiClient,
} from '../../packages/client/src/index.ts';
import { multipart } from '../../packages/client/src/multipart.ts';
import { items } from '../../packages/client/src/paginate.ts';
import { validation } from '../../packages/client/src/validation.ts';
import { createMockServer, DEMO_API_KEY, type MockServer } from '../../packages/mock/src/index.ts';

let mock: MockServer;
let api: CarOwnerApiClient<true>;
const requests: string[] = [];

beforeAll(async () => {
  mock = await createMockServer({ port: 0 });
  api = createClient({
    baseUrl: mock.baseUrl,
    apiKey: DEMO_API_KEY,
    validation: validation(operationValidators),
    multipart,
    fetch: (request) => {
      requests.push(
        `${request.method} ${new URL(request.url).pathname} ${request.headers.get('authorization') ? 'bearer' : '-'}`,
      );
      return fetch(request);
    },
  });
});
afterAll(() => mock?.close());

describe('typed client against the HTTP mock', () => {
  it('signs in, stores the tokens and sends them on bearer operations only', async () => {
    const { data, error } = await api.POST('/auth/sign-in', {
      body: { email: 'owner@minbil.io', password: 'StrongPass123!' },
    });
    expect(error).toBeUndefined();
    await api.session.save(data!);
    requests.length = 0;
    const profile = await api.GET('/profile');
    expect(profile.data?.email).toBeTruthy();
    await api.GET('/booking-statuses');
    expect(requests).toEqual(['GET /api/co/profile bearer', 'GET /api/co/booking-statuses -']);
  });

  it('gets 304 with the cached profile on the second call', async () => {
    const first = await api.GET('/profile');
    const second = await api.GET('/profile');
    expect(second.response.status).toBe(304);
    expect(second.data).toEqual(first.data);
  });

  it('refreshes the session and keeps working with the rotated tokens', async () => {
    const before = await api.session.tokens();
    await api.session.refresh();
    const after = await api.session.tokens();
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect((await api.GET('/notifications/unread-count')).response.status).toBe(200);
  });

  it('pages through the seeded notifications exactly once each', async () => {
    const ids: number[] = [];
    for await (const item of items(
      api,
      '/notifications',
      { params: { query: { status: 'all' } } },
      { pageSize: 7 },
    )) {
      ids.push((item as { id: number }).id);
    }
    expect(ids.length).toBeGreaterThan(7);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uploads a message with a file as multipart', async () => {
    const file = new File([new Uint8Array([1, 2, 3])], 'brakes.jpg', { type: 'image/jpeg' });
    const { response, error } = await api.POST('/messages/send', {
      body: { thread_id: 'booking-4821', message: 'Se bilde', files: [file] },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
  });

  it('sends x-api-key where the spec asks for it', async () => {
    const { data } = await api.GET('/car-brands');
    expect(data?.data.length).toBeGreaterThan(0);
  });

  it('maps a documented error to its typed error', async () => {
    const { error } = await api.GET('/notifications/{notif_id}', {
      params: { path: { notif_id: 311 } },
      headers: { Prefer: 'code=404' },
    });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error?.code).toBe('NOT_FOUND');
  });
});
