/** Multipart uploads, parsed on a real server: fields, file names, types and exact bytes. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, createMemoryTokenStore } from '../../packages/client/src/index.ts';
import { multipart, toFormData } from '../../packages/client/src/multipart.ts';
import {
  json,
  startTestServer,
  type RecordedRequest,
  type TestServer,
} from './helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllGlobals());

const client = () =>
  createClient({
    baseUrl: server.baseUrl,
    retry: { baseDelayMs: 1 },
    tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
    multipart,
  });

/** Parses the recorded body the way a server framework would. */
async function parseForm(req: RecordedRequest): Promise<FormData> {
  const type = req.headers['content-type'] ?? '';
  return new Response(new Uint8Array(req.body), { headers: { 'content-type': type } }).formData();
}

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('multipart operations', () => {
  it('POST /messages/send: thread_id, message and several files arrive intact', async () => {
    server.handle((_req, res) => json(res, 201, { data: {}, meta: {} }));
    const photo = new File([allBytes], 'skade.jpg', { type: 'image/jpeg' });
    const receipt = {
      data: new TextEncoder().encode('kvittering æøå'),
      name: 'kvittering.txt',
      type: 'text/plain',
    };
    const { error } = await client().POST('/messages/send', {
      body: { thread_id: 'th-1', message: 'Se vedlegg', files: [photo, receipt] },
    });
    expect(error).toBeUndefined();
    const req = server.requests.at(-1)!;
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await parseForm(req);
    expect(form.get('thread_id')).toBe('th-1');
    expect(form.get('message')).toBe('Se vedlegg');
    const [first, second] = form.getAll('files') as File[];
    expect(first!.name).toBe('skade.jpg');
    expect(first!.type).toBe('image/jpeg');
    expect(new Uint8Array(await first!.arrayBuffer())).toEqual(allBytes);
    expect(second!.name).toBe('kvittering.txt');
    expect(await second!.text()).toBe('kvittering æøå');
  });

  it('the same operation without files goes as JSON (the spec accepts both)', async () => {
    server.handle((_req, res) => json(res, 201, { data: {}, meta: {} }));
    await client().POST('/messages/send', { body: { thread_id: 'th-1', message: 'Hei' } });
    const req = server.requests.at(-1)!;
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body.toString())).toEqual({ thread_id: 'th-1', message: 'Hei' });
  });

  it('PUT /profile with profile_image, replayed intact on a retry', async () => {
    let n = 0;
    server.handle((_req, res) =>
      ++n === 1 ? json(res, 503, {}) : json(res, 200, { uid: 'u', email: 'e' }),
    );
    const before = server.requests.length;
    const image = new Blob([allBytes], { type: 'image/png' });
    const { data } = await client().PUT('/profile', {
      body: { first_name: 'Kari', profile_image: image },
    });
    expect(data?.uid).toBe('u');
    const attempts = server.requests.slice(before);
    expect(attempts).toHaveLength(2);
    for (const attempt of attempts) {
      const form = await parseForm(attempt);
      expect(form.get('first_name')).toBe('Kari');
      expect(new Uint8Array(await (form.get('profile_image') as File).arrayBuffer())).toEqual(
        allBytes,
      );
    }
  });

  it('POST /vehicles and PUT /vehicles/{registration_number} with an image', async () => {
    server.handle((_req, res) => json(res, 201, { data: {}, meta: {} }));
    const image = new File([allBytes], 'bil.jpg', { type: 'image/jpeg' });
    await client().POST('/vehicles', { body: { registration_number: 'BT57225', image } });
    let form = await parseForm(server.requests.at(-1)!);
    expect(form.get('registration_number')).toBe('BT57225');
    expect((form.get('image') as File).name).toBe('bil.jpg');
    await client().PUT('/vehicles/{registration_number}', {
      params: { path: { registration_number: 'BT57225' } },
      body: { nickname: 'Tesla', file: image },
    });
    const req = server.requests.at(-1)!;
    expect(req.path).toBe('/vehicles/BT57225');
    form = await parseForm(req);
    expect(form.get('nickname')).toBe('Tesla');
    expect((form.get('file') as File).size).toBe(256);
  });

  it('a hand-set multipart Content-Type is dropped so the boundary survives', async () => {
    server.handle((_req, res) => json(res, 201, {}));
    await client().POST('/messages/send', {
      body: { thread_id: 't', files: [new Blob(['x'])] },
      headers: { 'Content-Type': 'multipart/form-data' },
    });
    const req = server.requests.at(-1)!;
    expect(req.headers['content-type']).toMatch(/boundary=/);
    expect((await parseForm(req)).get('thread_id')).toBe('t');
  });

  it('a caller-built FormData is sent as is', async () => {
    server.handle((_req, res) => json(res, 201, {}));
    const form = new FormData();
    form.append('thread_id', 't-9');
    form.append('files', new Blob(['y']), 'y.txt');
    await client().POST('/messages/send', { body: form });
    expect((await parseForm(server.requests.at(-1)!)).get('thread_id')).toBe('t-9');
  });
});

describe('toFormData', () => {
  it('passes React Native file objects to FormData untouched (RN uploads from the uri)', () => {
    const appended: [string, unknown, string | undefined][] = [];
    class RecordingFormData {
      append(name: string, value: unknown, filename?: string) {
        appended.push([name, value, filename]);
      }
    }
    vi.stubGlobal('FormData', RecordingFormData);
    const rnFile = { uri: 'file:///data/photo.jpg', name: 'photo.jpg', type: 'image/jpeg' };
    toFormData({ thread_id: 't', files: [rnFile] });
    expect(appended).toEqual([
      ['thread_id', 't', undefined],
      ['files', rnFile, undefined],
    ]);
  });

  it('rejects nested objects instead of sending "[object Object]"', () => {
    expect(() => toFormData({ meta: { a: 1 } as never })).toThrow(
      /Multipart field "meta" must be text or a file/,
    );
  });

  it('skips null and undefined and stringifies numbers and booleans', () => {
    const form = toFormData({ a: undefined, b: null, c: 3, d: false });
    expect([...form.entries()]).toEqual([
      ['c', '3'],
      ['d', 'false'],
    ]);
  });
});
