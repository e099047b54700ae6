/** Generation fails loudly, naming the keyword and its JSON pointer, on anything it cannot enforce. */
import { describe, expect, it } from 'vitest';
import { ValidatorGenerationError } from '../../scripts/stages/validators/errors.ts';
import { createValidatorsStage, validatorsStage } from '../../scripts/stages/validators/index.ts';

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
  [
    'unknown format',
    withSchemas({ A: { type: 'string', format: 'unix-time' } }),
    'format',
    '#/components/schemas/A/format',
  ],
  [
    'unknown keyword',
    withSchemas({ A: { type: 'object', $dynamicRef: '#meta' } }),
    '$dynamicRef',
    '#/components/schemas/A',
  ],
  ['misspelt type', withSchemas({ A: { type: 'strng' } }), 'type', '#/components/schemas/A/type'],

  [
    'pattern invalid with the u flag',
    withSchemas({ A: { type: 'string', pattern: '^\\-$' } }),
    'pattern',
    '#/components/schemas/A/pattern',
  ],

  [
    '$ref outside component schemas',
    withSchemas({ A: { $ref: '#/components/schemas/B/properties/c' }, B: { type: 'object' } }),
    '$ref',
    '#/components/schemas/A/$ref',
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

  it('generates what JSON Schema 2020-12 says for the keywords it once refused', () => {
    const spec = withSchemas({
      A: { not: { type: 'string' } },
      B: {
        type: 'object',
        patternProperties: { '^x': {} },
        properties: { b: { if: {}, then: {} } },
      },
      C: { type: 'array', prefixItems: [{}] },
      D: { type: 'string', minimum: 1 },
      E: { properties: { b: {} } },
      F: { enum: [{ a: 1 }] },
      G: { type: 'array', items: { $ref: '#/components/schemas/H' } },
      H: { type: 'object', properties: { a: { $ref: '#/components/schemas/G' } } },
      I: { type: 'object', properties: JSON.parse('{"__proto__": {"type": "string"}}') },
    });
    const files = validatorsStage.run({ spec, root: '.', outputs: new Map() }) as {
      path: string;
    }[];
    for (const name of 'ABCDEFGHI')
      expect(files.some((f) => f.path.endsWith(`/schemas/${name}.ts`))).toBe(true);
  });

  it('never lets generated names collide: a component MetricSchema beside Metric', () => {
    const spec = withSchemas({
      Metric: { type: 'string' },
      MetricSchema: { type: 'number' },
      'a-b': { type: 'string' },
      A_B: { type: 'string' },
    });
    const files = validatorsStage.run({ spec, root: '.', outputs: new Map() }) as {
      path: string;
      content: string;
    }[];
    const exports = files
      .filter((f) => f.path.includes('/generated/schemas/'))
      .flatMap((f) => [...f.content.matchAll(/export (?:const|type) (\w+)/g)].map((m) => m[1]))
      .map((n) => n?.toLowerCase());
    expect(new Set(exports).size).toBe(exports.length);
    expect(exports).toContain('metricschema');
  });

  it('third-party mode: odd names and a missing operationId become unique names or a warning', () => {
    const warnings: string[] = [];
    const json = { schema: { type: 'string' } };
    const spec = withSchemas(
      {},
      {
        '/a': {
          get: {
            operationId: 'get-thing',
            responses: {
              '200': { description: 'ok', content: { 'audio/*': json, 'video/*': json } },
            },
          },
          post: { operationId: 'getThing', responses: { '204': { description: 'none' } } },
          put: { responses: { '204': { description: 'none' } } },
        },
      },
    );
    const files = createValidatorsStage({ warn: (line) => warnings.push(line) }).run({
      spec,
      root: '.',
      outputs: new Map(),
    }) as { path: string; content: string }[];
    const ops = files.filter((f) => f.path.includes('/generated/operations/')).map((f) => f.path);
    expect(ops.map((p) => p.replace(/.*\//, ''))).toEqual(['getThing.ts', 'getThing2.ts']);
    const op = files.find((f) => f.path.endsWith('/generated/operations/getThing.ts'))?.content;
    expect(op).toContain('getThingResponse200Media');
    expect(op).toContain('getThingResponse200Media2');
    expect(warnings).toEqual([
      expect.stringMatching(/skipped the operation at #\/paths\/~1a\/put/),
    ]);
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
