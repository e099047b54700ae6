/** Generation fails loudly, naming the keyword and its JSON pointer, on anything it cannot enforce. */
import { describe, expect, it } from 'vitest';
import { ValidatorGenerationError } from '../../scripts/stages/validators/errors.ts';
import { validatorsStage } from '../../scripts/stages/validators/index.ts';

const withSchemas = (schemas: Record<string, unknown>, paths: Record<string, unknown> = {}) =>
  ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths,
    components: { schemas },
  }) as never;
const op = (operation: Record<string, unknown>) => ({
  '/x': { get: { responses: { '204': { description: 'none' } }, ...operation } },
});

const CASES: [string, ReturnType<typeof withSchemas>, string, string][] = [
  ['not', withSchemas({ A: { not: { type: 'string' } } }), 'not', '#/components/schemas/A'],
  [
    'patternProperties',
    withSchemas({ A: { type: 'object', patternProperties: { '^x': {} } } }),
    'patternProperties',
    '#/components/schemas/A',
  ],
  [
    'if/then',
    withSchemas({ A: { type: 'object', properties: { b: { if: {}, then: {} } } } }),
    'if',
    '#/components/schemas/A/properties/b',
  ],
  [
    'prefixItems',
    withSchemas({ A: { type: 'array', prefixItems: [{}] } }),
    'prefixItems',
    '#/components/schemas/A',
  ],
  [
    'OpenAPI 3.0 nullable',
    withSchemas({ A: { type: 'string', nullable: true } }),
    'nullable',
    '#/components/schemas/A',
  ],
  [
    'unknown format',
    withSchemas({ A: { type: 'string', format: 'hostname' } }),
    'format',
    '#/components/schemas/A/format',
  ],
  ['misspelt type', withSchemas({ A: { type: 'strng' } }), 'type', '#/components/schemas/A/type'],
  [
    'keyword for another type',
    withSchemas({ A: { type: 'string', minimum: 1 } }),
    'minimum',
    '#/components/schemas/A/minimum',
  ],
  [
    'properties without type',
    withSchemas({ A: { properties: { b: {} } } }),
    'properties',
    '#/components/schemas/A/properties',
  ],
  [
    'pattern invalid with the u flag',
    withSchemas({ A: { type: 'string', pattern: '^\\-$' } }),
    'pattern',
    '#/components/schemas/A/pattern',
  ],
  [
    'object enum value',
    withSchemas({ A: { enum: [{ a: 1 }] } }),
    'enum',
    '#/components/schemas/A/enum',
  ],
  [
    'recursive $ref',
    withSchemas({
      A: { type: 'array', items: { $ref: '#/components/schemas/B' } },
      B: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' } } },
    }),
    '$ref',
    '#/components/schemas/A',
  ],
  [
    '$ref outside component schemas',
    withSchemas({ A: { $ref: '#/components/schemas/B/properties/c' }, B: { type: 'object' } }),
    '$ref',
    '#/components/schemas/A/$ref',
  ],
  [
    'property named __proto__',
    withSchemas({
      A: { type: 'object', properties: JSON.parse('{"__proto__": {"type": "string"}}') },
    }),
    'properties',
    '#/components/schemas/A/properties/__proto__',
  ],
  [
    'cookie parameter',
    withSchemas(
      {},
      op({
        operationId: 'x',
        parameters: [{ name: 'c', in: 'cookie', schema: { type: 'string' } }],
      }),
    ),
    'in',
    '#/paths/~1x/get/parameters/0/in',
  ],
  ['missing operationId', withSchemas({}, op({})), 'operationId', '#/paths/~1x/get'],
  [
    'colliding names',
    withSchemas({ 'a-b': { type: 'string' }, A_B: { type: 'string' } }),
    'name',
    '#/components/schemas/a-b',
  ],
];

describe('generation fails loudly', () => {
  it.each(CASES)('%s', (_name, spec, keyword, pointer) => {
    let error: unknown;
    try {
      validatorsStage.run({ spec, root: '.', outputs: new Map() });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidatorGenerationError);
    expect(error).toMatchObject({ keyword, pointer });
    expect((error as Error).message).toContain(`\`${keyword}\` at ${pointer}`);
  });

  it('accepts the annotation-only keywords it lists', () => {
    const spec = withSchemas({
      A: {
        type: 'string',
        title: 't',
        description: 'd',
        examples: ['x'],
        default: 'x',
        deprecated: true,
        readOnly: true,
        writeOnly: false,
        contentMediaType: 'image/*',
        'x-any': 1,
        format: 'binary',
      },
    });
    expect(validatorsStage.run({ spec, root: '.', outputs: new Map() })).not.toHaveLength(0);
  });
});
