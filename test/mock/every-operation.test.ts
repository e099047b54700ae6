import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../packages/mock/src/index.ts';
import {
  contractProblems,
  documented,
  operationLabel,
  operations,
  validRequest,
} from './helpers.ts';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ port: 0 });
});
afterAll(() => server.close());

describe('every operation over HTTP', () => {
  it('covers all 85 operations of the spec', () => {
    expect(operations.length).toBeGreaterThanOrEqual(85);
  });

  it.each(operations.map((op) => [operationLabel(op), op] as const))(
    '%s answers its documented success with a body that validates',
    async (_label, op) => {
      const { path, init } = validRequest(op);
      const res = await fetch(`${server.baseUrl}${path}`, init);
      const success = Object.keys(op.operation.responses ?? {})
        .map(Number)
        .filter((s) => s >= 200 && s < 300)
        .sort()[0];
      expect(res.status, await res.clone().text()).toBe(success);
      expect(await contractProblems(op, res)).toEqual([]);
      expect(documented(op, res.status).response).toBeDefined();
    },
  );
});
