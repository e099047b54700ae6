import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../packages/mock/src/index.ts';
import {
  contractProblems,
  deref,
  operationLabel,
  operations,
  spec,
  validRequest,
} from './helpers.ts';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ port: 0 });
});
afterAll(() => server.close());

/** Every documented (status, named example) pair of every operation. */
const cases = operations.flatMap((op) =>
  Object.entries(op.operation.responses ?? {}).flatMap(([status, raw]) => {
    const response = deref<OpenAPIV3_1.ResponseObject>(spec, raw);
    const names = Object.values(response.content ?? {}).flatMap((m) =>
      Object.keys(m.examples ?? {}),
    );
    return (names.length ? names : [undefined]).map(
      (name) =>
        [
          `${operationLabel(op)} ${status} ${name ?? '(no body)'}`,
          op,
          Number(status),
          name,
        ] as const,
    );
  }),
);

describe('Prefer selects any documented status or named example', () => {
  it.each(cases)('%s', async (_label, op, status, name) => {
    const { path, init } = validRequest(op);
    init.headers.prefer = name ? `code=${status}, example=${name}` : `code=${status}`;
    const res = await fetch(`${server.baseUrl}${path}`, init);
    expect(res.status).toBe(status);
    expect(await contractProblems(op, res)).toEqual([]);
  });

  it('code and example combine, and an undocumented choice is a clear 400', async () => {
    const auth = { authorization: 'Bearer minbil-demo-access-token' };
    const ok = await fetch(`${server.baseUrl}/profile`, {
      headers: { ...auth, prefer: 'code=404' },
    });
    expect(ok.status).toBe(404);
    const byName = await fetch(`${server.baseUrl}/profile`, {
      headers: { ...auth, prefer: 'example=ProblemNotFound' },
    });
    expect(byName.status).toBe(404);
    const bad = await fetch(`${server.baseUrl}/profile`, {
      headers: { ...auth, prefer: 'code=418' },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).detail).toMatch(/418.*documented: 200, 304, 401, 404, 500/);
    const unknown = await fetch(`${server.baseUrl}/profile`, {
      headers: { ...auth, prefer: 'example=Nope' },
    });
    expect((await unknown.json()).detail).toMatch(/"Nope".*documented: Profile/);
  });
});
