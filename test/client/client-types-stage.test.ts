/** The client-types stage on tiny inline specs: one table of cases, plus the emitted modules. */
import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import { clientTypesStage } from '../../scripts/stages/client-types/index.ts';
import {
  deriveOperationTable,
  type OperationInfo,
} from '../../scripts/stages/client-types/operation-table.ts';
import { loadOperations } from './helpers/load-operations.ts';

const ok = { '200': { description: 'OK' } };

function spec(
  paths: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): OpenAPIV3_1.Document {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer' },
        apiKeyAuth: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
      parameters: {
        Page: { name: 'page', in: 'query', schema: { type: 'integer' } },
        Size: { name: 'page_size', in: 'query', schema: { type: 'integer' } },
      },
      schemas: { Tags: { type: 'array', items: { type: 'string' } } },
    },
    ...extra,
  } as OpenAPIV3_1.Document;
}

const run = (s: OpenAPIV3_1.Document) =>
  clientTypesStage.run({ spec: s, root: '/repo', outputs: new Map() });
const op = (s: OpenAPIV3_1.Document, key: string) => deriveOperationTable(s).operations[key];

const cases: [string, OpenAPIV3_1.Document, string, Partial<OperationInfo>][] = [
  [
    'global bearer',
    spec({ '/p': { get: { operationId: 'getP', responses: ok } } }),
    'GET /p',
    { operationId: 'getP', security: 'bearer' },
  ],
  [
    'public (security: [])',
    spec({ '/p': { post: { operationId: 'x', security: [], responses: ok } } }),
    'POST /p',
    { security: 'none' },
  ],
  [
    'api key',
    spec({ '/b': { get: { operationId: 'x', security: [{ apiKeyAuth: [] }], responses: ok } } }),
    'GET /b',
    { security: 'apiKey' },
  ],
  [
    'optional bearer',
    spec({
      '/s': { get: { operationId: 'x', security: [{}, { bearerAuth: [] }], responses: ok } },
    }),
    'GET /s',
    { security: 'optional' },
  ],
  [
    'query styles, arrays through $ref, pagination',
    spec({
      '/s': {
        get: {
          operationId: 'x',
          parameters: [
            { $ref: '#/components/parameters/Page' },
            { $ref: '#/components/parameters/Size' },
            {
              name: 'ids',
              in: 'query',
              style: 'form',
              explode: false,
              schema: { type: 'array', items: { type: 'integer' } },
            },
            { name: 'tags', in: 'query', schema: { $ref: '#/components/schemas/Tags' } },
            { name: 'q', in: 'query', schema: { type: ['string', 'null'] } },
          ],
          responses: ok,
        },
      },
    }),
    'GET /s',
    {
      paginated: true,
      query: {
        page: { style: 'form', explode: true, array: false },
        page_size: { style: 'form', explode: true, array: false },
        ids: { style: 'form', explode: false, array: true },
        tags: { style: 'form', explode: true, array: true },
        q: { style: 'form', explode: true, array: false },
      },
    },
  ],
  [
    'multipart and JSON bodies',
    spec({
      '/m': {
        post: {
          operationId: 'x',
          requestBody: { content: { 'application/json': {}, 'multipart/form-data': {} } },
          responses: ok,
        },
      },
    }),
    'POST /m',
    { multipart: true, json: true, paginated: false },
  ],
  [
    'conditional GET (304 / If-None-Match)',
    spec({
      '/profile': {
        get: {
          operationId: 'x',
          responses: { '200': { description: 'OK' }, '304': { description: 'NM' } },
        },
      },
    }),
    'GET /profile',
    { conditional: true },
  ],
  [
    'idempotent: an Idempotency-Key header parameter',
    spec({
      '/pay': {
        post: {
          operationId: 'pay',
          parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
          responses: ok,
        },
      },
    }),
    'POST /pay',
    { idempotent: true },
  ],
  [
    'idempotent: x-idempotent: true (openapi/EXTENSIONS.md)',
    spec({ '/pay': { post: { operationId: 'pay', 'x-idempotent': true, responses: ok } } }),
    'POST /pay',
    { idempotent: true },
  ],
  [
    'not idempotent without either mark',
    spec({ '/pay': { post: { operationId: 'pay', responses: ok } } }),
    'POST /pay',
    { idempotent: false },
  ],
  [
    'path-level parameters are merged',
    spec({
      '/v/{id}': {
        parameters: [
          { name: 'page', in: 'query' },
          { name: 'page_size', in: 'query' },
        ],
        get: { operationId: 'x', responses: ok },
      },
    }),
    'GET /v/{id}',
    { paginated: true },
  ],
];

describe('deriveOperationTable', () => {
  for (const [name, given, key, want] of cases) {
    it(name, () => expect(op(given, key)).toMatchObject(want));
  }

  it('reads the api key header name from the spec', () => {
    expect(deriveOperationTable(spec({})).apiKeyHeader).toBe('x-api-key');
  });

  it('fails with the operation named when operationId is missing', () => {
    expect(() => deriveOperationTable(spec({ '/p': { get: { responses: ok } } }))).toThrow(
      'GET /p: operationId is missing',
    );
  });

  it('fails on an undeclared security scheme and on a dangling $ref', () => {
    expect(() =>
      deriveOperationTable(
        spec({ '/p': { get: { operationId: 'x', security: [{ nope: [] }], responses: ok } } }),
      ),
    ).toThrow('GET /p: security scheme "nope" is not declared');
    expect(() =>
      deriveOperationTable(
        spec({
          '/p': {
            get: {
              operationId: 'x',
              parameters: [{ $ref: '#/components/parameters/Gone' }],
              responses: ok,
            },
          },
        }),
      ),
    ).toThrow('points nowhere');
  });
});

describe('clientTypesStage.run', () => {
  const hostile = 'x"; globalThis.pwned = true; //\u2028*/`${1}`';
  const s = spec({ '/p': { get: { operationId: hostile, responses: ok } } });

  it('writes exactly the two owned files, each with the generated header', async () => {
    const files = await run(s);
    expect(files.map((f) => f.path)).toEqual([
      'packages/client/src/generated/openapi.ts',
      'packages/client/src/generated/operations.ts',
    ]);
    for (const file of files) {
      expect(file.path.startsWith(clientTypesStage.owns[0]!)).toBe(true);
      expect(file.content).toMatch(/^\/\*\*\n \* Generated by `pnpm generate`.*\n \* Do not edit/);
    }
  });

  it('openapi.ts exports paths, components and operations', async () => {
    const [types] = await run(s);
    for (const name of ['paths', 'components', 'operations'])
      expect(types!.content).toContain(`export interface ${name}`);
  });

  it('operations.ts decodes (with the runtime decoder) to what the stage derived, hostile strings included', async () => {
    const rich = spec({
      ...s.paths,
      '/q': {
        get: {
          operationId: 'q',
          parameters: [
            { $ref: '#/components/parameters/Page' },
            { $ref: '#/components/parameters/Size' },
            { name: 'ids', in: 'query', explode: false, schema: { type: 'array' } },
            { name: 'f', in: 'query', style: 'deepObject', schema: { type: 'object' } },
            { name: 'p', in: 'query', style: 'pipeDelimited', schema: { type: 'array' } },
            { name: 'If-None-Match', in: 'header' },
          ],
          responses: ok,
        },
        put: {
          operationId: 'put',
          security: [{ apiKeyAuth: [] }],
          'x-idempotent': true,
          requestBody: { content: { 'multipart/form-data': {}, 'application/json': {} } },
          responses: ok,
        },
        post: { operationId: 'post', security: [{}, { bearerAuth: [] }], responses: ok },
      },
    });
    const [, table] = await run(rich);
    const { operations, apiKeyHeader } = await loadOperations(table!.content);
    const derived = deriveOperationTable(rich).operations;
    expect(Object.keys(operations)).toEqual(Object.keys(derived));
    for (const [key, want] of Object.entries(derived)) {
      const got = operations[key]!;
      const { query, ...flags } = got;
      expect(flags, key).toEqual({
        operationId: want.operationId,
        security: want.security,
        paginated: want.paginated,
        multipart: want.multipart,
        json: want.json,
        conditional: want.conditional,
        idempotent: want.idempotent,
      });
      // What the query serializer sees: listed styles, form + explode for the rest.
      for (const [name, style] of Object.entries(want.query)) {
        const seen = query[name] ?? { style: 'form', explode: true };
        expect(seen, `${key} ${name}`).toEqual({ style: style.style, explode: style.explode });
      }
    }
    expect(operations['GET /p']!.operationId).toBe(hostile);
    expect(apiKeyHeader).toBe('x-api-key');
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });
});
