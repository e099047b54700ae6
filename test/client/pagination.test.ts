/** Async iteration over the API's three list shapes, and servers that never stop. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  createMemoryTokenStore,
  NotFoundError,
  PaginationError,
} from '../../packages/client/src/index.ts';
import { items, pages } from '../../packages/client/src/paginate.ts';
import { json, startTestServer, type TestServer } from './helpers/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const client = () =>
  createClient({
    baseUrl: server.baseUrl,
    retry: false,
    tokenStore: createMemoryTokenStore({ accessToken: 'a' }),
  });

const ids = (page: number, size: number) =>
  Array.from({ length: size }, (_, i) => `t${(page - 1) * size + i + 1}`);

/** `{ data, meta }` pages of a list with `total` items. */
function metaList(total: number, size: number) {
  server.handle((req, res) => {
    const page = Number(req.query.get('page'));
    const totalPages = Math.ceil(total / size);
    const data = ids(page, size)
      .slice(0, Math.max(0, total - (page - 1) * size))
      .map((id) => ({ thread_id: id }));
    json(res, 200, {
      data,
      meta: {
        page,
        page_size: size,
        total,
        total_pages: totalPages,
        has_next: page < totalPages,
        has_prev: page > 1,
      },
    });
  });
}

describe('normal servers', () => {
  it('items() walks { data, meta } pages until has_next is false', async () => {
    metaList(7, 3);
    const before = server.requests.length;
    const seen: string[] = [];
    for await (const thread of items(client(), '/messages/inbox', {}, { pageSize: 3 }))
      seen.push(thread.thread_id);
    expect(seen).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7']);
    const requested = server.requests
      .slice(before)
      .map((r) => [r.query.get('page'), r.query.get('page_size')]);
    expect(requested).toEqual([
      ['1', '3'],
      ['2', '3'],
      ['3', '3'],
    ]);
  });

  it('pages() yields whole pages and keeps the caller query', async () => {
    metaList(4, 2);
    const before = server.requests.length;
    const seen = [];
    for await (const page of pages(client(), '/notifications', {
      params: { query: { status: 'unread' } },
    }))
      seen.push(page.meta.page);
    expect(seen).toEqual([1, 2]);
    expect(server.requests.slice(before).every((r) => r.query.get('status') === 'unread')).toBe(
      true,
    );
  });

  it('legacy { results, current_page, total_pages } (GET /filters)', async () => {
    server.handle((req, res) => {
      const page = Number(req.query.get('page'));
      json(res, 200, {
        results: [{ org_nr: `w${page}` }],
        count: 1,
        total_count: 2,
        total_pages: 2,
        current_page: page,
        page_size: 1,
      });
    });
    const seen = [];
    for await (const shop of items(client(), '/filters')) seen.push(shop);
    expect(seen).toEqual([{ org_nr: 'w1' }, { org_nr: 'w2' }]);
  });

  it('{ data: { items, page, total } } (GET /service-log/list)', async () => {
    server.handle((req, res) => {
      const page = Number(req.query.get('page'));
      json(res, 200, {
        data: { items: [{ log_id: page }], page, page_size: 1, total: 3 },
        meta: { request_id: 'r', generated_at: 'now' },
      });
    });
    const seen = [];
    for await (const log of items(client(), '/service-log/list')) seen.push(log);
    expect(seen).toEqual([{ log_id: 1 }, { log_id: 2 }, { log_id: 3 }]);
  });
});

describe('broken servers end with an error, not a loop', () => {
  it('has_next forever: stops at maxPages', async () => {
    server.handle((req, res) => {
      const page = Number(req.query.get('page'));
      json(res, 200, { data: [{ thread_id: `t${page}` }], meta: { page, has_next: true } });
    });
    const before = server.requests.length;
    const walk = async () => {
      for await (const _ of items(client(), '/messages/inbox', {}, { maxPages: 5 })) void _;
    };
    await expect(walk()).rejects.toThrow(PaginationError);
    expect(server.requests.length - before).toBe(5);
  });

  it('a server that ignores page and repeats page 1', async () => {
    server.handle((_req, res) =>
      json(res, 200, { data: [{ thread_id: 't1' }], meta: { has_next: true } }),
    );
    const before = server.requests.length;
    const walk = async () => {
      for await (const _ of items(client(), '/messages/inbox')) void _;
    };
    await expect(walk()).rejects.toThrow(/Page 2 repeats page 1/);
    expect(server.requests.length - before).toBe(2);
  });

  it('a server that answers the wrong page number', async () => {
    server.handle((_req, res) =>
      json(res, 200, { data: [{ thread_id: 'x' }], meta: { page: 1, has_next: true } }),
    );
    const walk = async () => {
      for await (const _ of pages(client(), '/messages/inbox')) void _;
    };
    await expect(walk()).rejects.toThrow(/Asked for page 2 but the server sent page 1/);
  });

  it('an empty page that claims more pages follow', async () => {
    server.handle((req, res) =>
      json(res, 200, { data: [], meta: { page: Number(req.query.get('page')), has_next: true } }),
    );
    const walk = async () => {
      for await (const _ of pages(client(), '/notifications')) void _;
    };
    await expect(walk()).rejects.toThrow(/empty but the server says more pages follow/);
  });

  it('an error page ends the iteration with that ApiError', async () => {
    server.handle((_req, res) => json(res, 404, { error: 'gone' }));
    const walk = async () => {
      for await (const _ of items(client(), '/messages/inbox')) void _;
    };
    await expect(walk()).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('query serialization from the spec', () => {
  it('CSV for explode: false, repeated keys for explode: true', async () => {
    server.handle((_req, res) => json(res, 200, { data: [], meta: { page: 1, has_next: false } }));
    await client().GET('/notifications', { params: { query: { type: ['booking', 'message'] } } });
    expect(server.requests.at(-1)!.url).toBe('/notifications?type=booking,message');
    await client().GET('/shops', { params: { query: { city: ['Oslo', 'Bergen'], page: 2 } } });
    expect(server.requests.at(-1)!.url).toBe('/shops?city=Oslo&city=Bergen&page=2');
  });
});
