import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMockServer,
  routes,
  SEEDED_LIST_SIZE,
  type MockServer,
} from '../../packages/mock/src/index.ts';
import { contractProblems, operations, validRequest } from './helpers.ts';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ port: 0 });
});
afterAll(() => server.close());

const paginated = routes.filter((r) => r.pagination);

interface Page {
  data: { id?: number }[];
  meta: {
    page: number;
    page_size: number;
    total: number;
    total_pages: number;
    has_next: boolean;
    has_prev: boolean;
  };
  links?: { self: string; next: string | null; prev: string | null; last: string };
}

describe('pagination over a seeded list', () => {
  it('finds the documented paginated lists (notifications and message threads among them)', () => {
    const ids = paginated.map((r) => r.operationId);
    expect(ids).toEqual(expect.arrayContaining(['listNotifications', 'listMessageThreads']));
  });

  it.each(
    paginated.flatMap((r) => [7, 20, 45, 100].map((size) => [r.operationId, size, r] as const)),
  )(
    '%s with page size %i: pages add up to the total, has_next false on the last page',
    async (operationId, size, route) => {
      const op = operations.find((o) => o.operation.operationId === operationId)!;
      const { path, init } = validRequest(op);
      const { pageParam, sizeParam } = route.pagination!;
      const seen: unknown[] = [];
      let page = 1;
      let body: Page;
      do {
        const url = `${server.baseUrl}${path}${path.includes('?') ? '&' : '?'}${pageParam}=${page}&${sizeParam}=${size}`;
        const res = await fetch(url, init);
        expect(res.status).toBe(200);
        expect(await contractProblems(op, res.clone())).toEqual([]);
        body = (await res.json()) as Page;
        expect(body.meta).toMatchObject({
          page,
          page_size: size,
          total: SEEDED_LIST_SIZE,
          has_prev: page > 1,
        });
        expect(body.meta.total_pages).toBe(Math.ceil(SEEDED_LIST_SIZE / size));
        expect(body.links?.next === null).toBe(!body.meta.has_next);
        seen.push(...body.data.map((item) => item.id ?? item));
        page += 1;
      } while (body.meta.has_next && page < 50);
      expect(seen).toHaveLength(SEEDED_LIST_SIZE);
      expect(body.meta.page).toBe(body.meta.total_pages);
      expect(body.meta.has_next).toBe(false);
      if (typeof body.data[0]?.id === 'number') expect(new Set(seen).size).toBe(SEEDED_LIST_SIZE);
    },
  );

  it('a page past the end is empty and still consistent', async () => {
    const res = await fetch(`${server.baseUrl}/notifications?page=9&page_size=20`, {
      headers: { authorization: 'Bearer minbil-demo-access-token' },
    });
    const body = (await res.json()) as Page;
    expect(body.data).toEqual([]);
    expect(body.meta).toMatchObject({
      page: 9,
      total: SEEDED_LIST_SIZE,
      total_pages: 3,
      has_next: false,
      has_prev: true,
    });
  });
});
