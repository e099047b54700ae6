/**
 * The mock stage on specs written by others (see scripts/stages/third-party.ts): security it
 * cannot check, OpenAPI 3.0 `nullable`, and formats Ajv does not know.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import { createMockStage, mockStage } from '../../scripts/stages/mock/index.ts';
import { buildRouteTable } from '../../scripts/stages/mock/route-table.ts';
import { prepareSchema } from '../../scripts/stages/mock/schema-prep.ts';
import { ok, tiny } from './tiny-spec.ts';

const basic = { basicAuth: { type: 'http', scheme: 'basic' } };
const withSecurity = (security: unknown) =>
  tiny({ '/a': { get: { operationId: 'a', security, responses: { 200: ok() } } } }, {});
const withBody = (schema: unknown, openapi = '3.1.0'): OpenAPIV3_1.Document => ({
  ...tiny({
    '/a': {
      post: {
        operationId: 'a',
        requestBody: { content: { 'application/json': { schema } } },
        responses: { 200: ok() },
      },
    },
  }),
  openapi,
});
const run = (spec: OpenAPIV3_1.Document, warnings?: string[]) =>
  (warnings ? createMockStage({ warn: (l) => warnings.push(l) }) : mockStage).run({
    spec,
    root: '.',
    outputs: new Map(),
  });

describe('mock on third-party specs', () => {
  it('security it cannot check fails in house mode; third-party mode warns and checks none', () => {
    const spec = withSecurity([{ bearerAuth: [] }, { apiKeyAuth: [] }]);
    expect(() => buildRouteTable(spec)).toThrow(/alternative security schemes/);
    const warnings: string[] = [];
    const [route] = buildRouteTable(spec, { warn: (l) => warnings.push(l) });
    expect(route!.auth).toEqual({ kind: 'none' });
    expect(warnings).toEqual([
      expect.stringMatching(/^mock: security bearerAuth \| apiKeyAuth: .*does not check/),
    ]);
  });

  it('an HTTP basic scheme is reported by name and type', () => {
    const spec = withSecurity([{ basicAuth: [] }]);
    spec.components!.securitySchemes = basic as never;
    const warnings: string[] = [];
    buildRouteTable(spec, { warn: (l) => warnings.push(l) });
    expect(warnings[0]).toContain('mock: security basicAuth: http basic is not supported');
  });

  it('OpenAPI 3.0 `nullable: true` admits null, also without a `type`', () => {
    const ajv = new Ajv2020({ strict: true });
    const nullable = ajv.compile(prepareSchema({ type: 'string', nullable: true }, true) as object);
    expect([nullable('x'), nullable(null), nullable(1)]).toEqual([true, true, false]);
    const anyOf = ajv.compile(
      prepareSchema({ anyOf: [{ type: 'integer' }], nullable: true }, true) as object,
    );
    expect([anyOf(1), anyOf(null), anyOf('x')]).toEqual([true, true, false]);
    const notNullable = ajv.compile(
      prepareSchema({ type: 'string', nullable: false }, true) as object,
    );
    expect(notNullable(null)).toBe(false);
    expect(() => run(withBody({ type: 'string', nullable: true }, '3.0.3'))).not.toThrow();
  });

  it('an unknown format fails in house mode; third-party mode accepts any value and warns once', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'integer', format: 'unix-time' } },
      additionalProperties: { type: 'integer', format: 'unix-time' },
    };
    expect(() => run(withBody(schema))).toThrow(/unix-time/);
    const warnings: string[] = [];
    run(withBody(schema), warnings);
    expect(warnings).toEqual([
      'mock: format "unix-time" is unknown to Ajv; the mock accepts any value for it',
    ]);
  });
});
