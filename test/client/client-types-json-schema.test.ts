/**
 * The client types mean what JSON Schema (and so the validators) means, on constructs where
 * openapi-typescript's defaults differ: `default`, `const: null`, `{ not: {} }`, 3.0 `nullable`.
 */
import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import { emitOpenapiTypes } from '../../scripts/stages/client-types/emit-openapi-types.ts';

const withSchema = (openapi: string, schema: unknown) =>
  ({
    openapi,
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas: { S: schema } },
  }) as unknown as OpenAPIV3_1.Document;

const typeOf = async (openapi: string, schema: unknown) => {
  const source = emitOpenapiTypes(withSchema(openapi, schema));
  return /S: ([\s\S]*?);\n {4}\};\n/.exec(source)?.[1]?.replace(/\s+/g, ' ') ?? source;
};

describe('client types agree with JSON Schema', () => {
  it('a property with a default that is not required stays optional', async () => {
    const type = await typeOf('3.1.0', {
      type: 'object',
      properties: { kind: { type: 'string', default: 'gif' } },
    });
    expect(type).toMatch(/kind\?: string/);
  });

  it('const: null is null, not unknown', async () => {
    const type = await typeOf('3.1.0', {
      type: 'object',
      required: ['n'],
      properties: { n: { const: null } },
    });
    expect(type).toMatch(/n: null/);
  });

  it('{ not: {} } (a false schema) is never; {} (a true schema) is unknown', async () => {
    expect(await typeOf('3.1.0', { not: {} })).toBe('never');
    expect(await typeOf('3.1.0', {})).toBe('unknown');
  });

  it('boolean schemas are unknown and never, in properties, branches and components', async () => {
    const type = await typeOf('3.1.0', {
      type: 'object',
      required: ['any', 'none'],
      properties: { any: true, none: false },
    });
    expect(type).toBe('{ any: unknown; none: never; }');
    expect(await typeOf('3.1.0', false)).toBe('never');
  });

  it('a combinator whose branches only assert adds nothing, once its booleans are read', async () => {
    const dates = { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] };
    expect(await typeOf('3.1.0', dates)).toBe('string');
    // `true` and `false` branches become `{}` and `{ not: {} }` first, which only assert too
    expect(await typeOf('3.1.0', { type: 'integer', oneOf: [true, false] })).toBe('number');
    // a branch with a shape keeps the combinator, and the readings reach inside it
    expect(
      await typeOf('3.1.0', {
        anyOf: [{ type: ['string', 'null'], enum: ['a'] }, { type: 'boolean' }],
      }),
    ).toBe('"a" | boolean');
  });

  it('OpenAPI 3.0 nullable adds null', async () => {
    expect(await typeOf('3.0.3', { type: 'string', nullable: true })).toBe('string | null');
  });

  it('null in type but not in enum is not a value; null in enum is', async () => {
    expect(await typeOf('3.1.0', { type: ['string', 'null'], enum: ['a', 'b'] })).toBe('"a" | "b"');
    expect(await typeOf('3.1.0', { type: ['string', 'null'], enum: ['a', null] })).toBe(
      '"a" | null',
    );
  });
});
