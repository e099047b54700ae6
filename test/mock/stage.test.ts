/** The `mock` stage's route table, from tiny inline specs. */
import { describe, expect, it } from 'vitest';
import { buildRouteTable } from '../../scripts/stages/mock/route-table.ts';
import { ok, tiny } from './tiny-spec.ts';

const table = (paths: Record<string, unknown>, components?: Record<string, unknown>) =>
  buildRouteTable(tiny(paths, components));

describe('route table', () => {
  it.each([
    ['no security', [], { kind: 'none' }],
    ['bearer', [{ bearerAuth: [] }], { kind: 'bearer', optional: false }],
    ['optional bearer', [{}, { bearerAuth: [] }], { kind: 'bearer', optional: true }],
    ['api key', [{ apiKeyAuth: [] }], { kind: 'apiKey', header: 'x-api-key' }],
  ])('reads %s', (_name, security, auth) => {
    const [route] = table({
      '/a': { get: { operationId: 'a', security, responses: { 200: ok() } } },
    });
    expect(route!.auth).toEqual(auth);
  });

  it('puts literal segments before parameters and converts path syntax for MSW', () => {
    const routes = table({
      '/x/{id}': { get: { operationId: 'byId', responses: { 200: ok() } } },
      '/x/latest': { get: { operationId: 'latest', responses: { 200: ok() } } },
    });
    expect(routes.map((r) => [r.operationId, r.mswPath])).toEqual([
      ['latest', '/x/latest'],
      ['byId', '/x/:id'],
    ]);
  });

  it('takes the lowest 2xx, named examples, headers, error shapes and bodiless statuses', () => {
    const [route] = table(
      {
        '/a': {
          post: {
            operationId: 'a',
            responses: {
              204: { description: 'none' },
              201: ok({ id: 1 }),
              400: {
                description: 'bad',
                content: {
                  'application/json': {
                    schema: { $ref: '#/components/schemas/Envelope' },
                    examples: { Bad: { value: { error: {} } } },
                  },
                },
              },
              429: {
                description: 'slow down',
                headers: { 'Retry-After': { schema: { type: 'string' }, example: '30' } },
                content: {
                  'application/problem+json': {
                    schema: { type: 'object', properties: { status: {}, title: {} } },
                    example: { status: 429 },
                  },
                },
              },
            },
          },
        },
      },
      { schemas: { Envelope: { type: 'object', properties: { error: { type: 'object' } } } } },
    );
    expect(route!.success).toBe(201);
    expect(route!.responses.map((r) => [r.status, r.contentType, r.shape])).toEqual([
      [201, 'application/json', 'other'],
      [204, undefined, 'other'],
      [400, 'application/json', 'envelope'],
      [429, 'application/problem+json', 'problem'],
    ]);
    expect(route!.responses[0]!.examples).toEqual([{ name: 'Ok', value: { id: 1 } }]);
    expect(route!.responses[3]!.headers).toEqual({ 'Retry-After': '30' });
    expect(route!.responses[3]!.examples).toEqual([{ name: 'default', value: { status: 429 } }]);
  });

  it('detects paginated lists structurally', () => {
    const meta = {
      type: 'object',
      properties: Object.fromEntries(
        ['page', 'page_size', 'total', 'total_pages', 'has_next', 'has_prev'].map((k) => [k, {}]),
      ),
    };
    const [route] = table({
      '/list': {
        get: {
          operationId: 'list',
          parameters: [
            { name: 'page', in: 'query', schema: { type: 'integer' } },
            { name: 'size', in: 'query', schema: { type: 'integer', default: 15 } },
          ],
          responses: {
            200: {
              description: 'OK',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { data: { type: 'array' }, meta } },
                },
              },
            },
          },
        },
      },
    });
    expect(route!.pagination).toEqual({ pageParam: 'page', sizeParam: 'size', defaultSize: 15 });
  });

  it.each([
    [
      'a missing operationId',
      { '/a': { get: { responses: { 200: ok() } } } },
      /has no operationId/,
    ],
    [
      'no 2xx response',
      { '/a': { get: { operationId: 'a', responses: { 404: ok() } } } },
      /documents no 2xx/,
    ],
    [
      'a duplicate operationId',
      {
        '/a': { get: { operationId: 'a', responses: { 200: ok() } } },
        '/b': { get: { operationId: 'a', responses: { 200: ok() } } },
      },
      /duplicate operationId a/,
    ],
  ])('rejects %s with a located error', (_name, paths, message) => {
    expect(() => table(paths)).toThrow(message);
  });
});

describe('request validators', () => {
  it('compiles one validator for operations whose parameters are the same schema', async () => {
    const { mockStage } = await import('../../scripts/stages/mock/index.ts');
    const param = (name: string) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    });
    const op = (operationId: string, ...names: string[]) => ({
      operationId,
      parameters: names.map(param),
      responses: { 200: ok() },
    });
    const files = await mockStage.run({
      spec: tiny({
        '/r/{owner}/{repo}': {
          get: op('getRepo', 'owner', 'repo'),
          delete: op('deleteRepo', 'owner', 'repo'),
        },
        '/u/{owner}': { get: op('getUser', 'owner') },
      }),
    } as never);
    const text = (name: string) => files.find((f) => f.path.endsWith(name))!.content;
    const refs = [...text('/validators.ts').matchAll(/(\w+): \{ params: fn\(coerced\.(\w+)\) \}/g)];
    const byOperation = Object.fromEntries(refs.map((m) => [m[1], m[2]]));
    expect(byOperation.getRepo).toBe(byOperation.deleteRepo);
    expect(byOperation.getUser).not.toBe(byOperation.getRepo);
    const exported = [...text('/coercing-validators.ts').matchAll(/^export const (params\d+)\b/gm)];
    expect(exported.map((m) => m[1]).sort()).toEqual(
      [byOperation.getRepo, byOperation.getUser].sort(),
    );
  });
});
