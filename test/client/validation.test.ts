/** The `validation` option (the ./validation entry) with real zod schemas shaped like the validators package's export. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createClient,
  createMemoryTokenStore,
  RequestValidationError,
  ResponseValidationError,
  type Validators,
} from '../../packages/client/src/index.ts';
import { validation } from '../../packages/client/src/validation.ts';
import { operationValidators } from '../../packages/validators/src/operations.ts';
import { json, startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const validators: Validators = {
  getProfile: { responses: { '200': z.object({ uid: z.string(), email: z.email() }) } },
  signIn: {
    request: { body: z.object({ email: z.email(), password: z.string().min(1) }) },
    responses: {},
  },
  listMessageThreads: {
    responses: { '200': z.object({ data: z.array(z.object({ thread_id: z.string() })) }) },
  },
};

const client = (validate: 'off' | 'responses' | 'all') =>
  createClient({
    baseUrl: server.baseUrl,
    ...(validate === 'off' ? {} : { validation: validation(validators, validate) }),
    tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
  });

describe('response validation', () => {
  it('names the operation, the status and the path of the bad value', async () => {
    server.handle((_req, res) => json(res, 200, { uid: 'u', email: 'not-an-email' }));
    const error = await client('responses')
      .GET('/profile')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ operationId: 'getProfile', status: 200 });
    expect((error as ResponseValidationError).issues[0]!.path).toBe('$.email');
    expect((error as Error).message).toMatch(
      /^getProfile: 200 response does not match the spec: \$\.email: /,
    );
  });

  it('reports nested array paths', async () => {
    server.handle((_req, res) =>
      json(res, 200, { data: [{ thread_id: 't' }, { thread_id: 5 }], meta: {} }),
    );
    const error = await client('responses')
      .GET('/messages/inbox')
      .catch((e: unknown) => e);
    expect((error as ResponseValidationError).issues[0]!.path).toBe('$.data[1].thread_id');
  });

  it('is off by default: a bad body passes through', async () => {
    server.handle((_req, res) => json(res, 200, { uid: 'u', email: 'not-an-email' }));
    expect((await client('off').GET('/profile')).data?.email).toBe('not-an-email');
  });

  it('valid bodies pass', async () => {
    server.handle((_req, res) => json(res, 200, { uid: 'u', email: 'kari@example.no' }));
    expect((await client('responses').GET('/profile')).data?.uid).toBe('u');
  });
});

describe("request validation ('all')", () => {
  it('rejects a bad body before anything is sent', async () => {
    const before = server.requests.length;
    const error = await client('all')
      .POST('/auth/sign-in', { body: { email: 'nope', password: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error).toMatchObject({ operationId: 'signIn', part: 'body' });
    expect(server.requests.length).toBe(before);
  });
});

describe('with the validators package', () => {
  it('its generated table plugs in and catches a bad profile', async () => {
    const api = createClient({
      baseUrl: server.baseUrl,
      validation: validation(operationValidators),
      tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
    });
    server.handle((_req, res) => json(res, 200, { uid: 'not-a-uuid', email: 'kari@example.no' }));
    const error = await api.GET('/profile').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]!.path).toBe('$.uid');
    server.handle((_req, res) =>
      json(res, 200, { uid: '7f1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f', email: 'kari@example.no' }),
    );
    expect((await api.GET('/profile')).data?.email).toBe('kari@example.no');
  });
});
