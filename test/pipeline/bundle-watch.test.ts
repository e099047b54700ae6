/**
 * bundle-watch.ts lets the lint skip Redocly's bundle where the lint's walk saw nothing the
 * bundle would change. Wherever it says "unchanged", the document must be exactly what Redocly's
 * bundle returns for the same file; wherever the bundle does change something, it must say so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '@redocly/openapi-core';
import { afterAll, describe, expect, it } from 'vitest';
import { watchBundle } from '../../scripts/pipeline/bundle-watch.ts';
import { redocly } from '../../scripts/pipeline/redocly-core.ts';
import { repoRoot, specFixtures } from '../support/spec.ts';

const RULES = { struct: 'warn', 'no-unresolved-refs': 'error' } as const;

/** The watch's answer after a lint, and Redocly's own bundle of the same file, loaded afresh. */
async function compare(file: string, config?: Config) {
  const cfg = config ?? (await redocly.createConfig({ extends: [], rules: RULES } as never));
  const watch = watchBundle(cfg);
  await redocly.lint({ ref: file, config: watch.config });
  const unchanged = watch.unchanged();
  const bundled = await redocly.bundle({ ref: file, config: cfg, dereference: false });
  const source = await new redocly.BaseResolver().resolveDocument(null, file, true);
  return {
    unchanged,
    bundle: bundled.bundle.parsed as object,
    input: (source as { parsed: object }).parsed,
  };
}

describe('the bundle is skipped only where it would change nothing', () => {
  it.each(specFixtures())('%s: the skipped bundle is what Redocly bundles', async (fixture) => {
    const { unchanged, bundle } = await compare(path.join(repoRoot, fixture));
    if (unchanged) expect(unchanged).toEqual(bundle);
  });

  it('skips the bundle for most one-file fixtures, never for a split spec', async () => {
    const answers = await Promise.all(
      specFixtures().map(async (f) => [f, (await compare(path.join(repoRoot, f))).unchanged]),
    );
    const skipped = answers.filter(([, u]) => u).map(([f]) => f);
    expect(skipped.length).toBeGreaterThan(answers.length / 2);
    expect(skipped).not.toContain('test/fixtures/features/split/openapi.yaml');
    const carOwner = await compare(path.join(repoRoot, 'openapi/openapi.yaml'));
    expect(carOwner.unchanged).toBeUndefined();
  });
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-watch-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const spec = (extra: Record<string, unknown>) => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/a': {
      get: {
        operationId: 'a',
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } },
          },
        },
      },
    },
  },
  components: { schemas: { A: { type: 'string' } } },
  ...extra,
});

function write(name: string, doc: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

describe('what Redocly’s bundle changes is seen', () => {
  it('a plain one-file spec is its own bundle', async () => {
    const { unchanged, bundle, input } = await compare(write('plain.json', spec({})));
    expect(unchanged).toBeDefined();
    expect(bundle).toEqual(input);
  });

  const cases: [string, unknown][] = [
    [
      'a $ref written with its own file name',
      (() => {
        const doc = spec({});
        doc.paths['/a'].get.responses['200'].content['application/json'].schema.$ref =
          'self.json#/components/schemas/A';
        return doc;
      })(),
    ],
    ['a root without components', { ...spec({}), components: undefined, paths: {} }],
    ['a $ref to another file', spec({ components: { schemas: { A: { $ref: 'other.json#/B' } } } })],
    [
      'an example given by externalValue',
      spec({
        components: {
          schemas: { A: { type: 'string' } },
          examples: { E: { externalValue: 'value.json' } },
        },
      }),
    ],
  ];
  fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ B: { type: 'number' } }));
  fs.writeFileSync(path.join(dir, 'value.json'), JSON.stringify({ v: 1 }));

  it.each(cases)('%s: the bundle runs, and does change the document', async (name, doc) => {
    const file = name.includes('own file') ? 'self.json' : `${name.replace(/\W+/g, '-')}.json`;
    const { unchanged, bundle, input } = await compare(write(file, doc));
    expect(unchanged).toBeUndefined();
    expect(bundle).not.toEqual(input);
  });

  it('a discriminator mapping makes the bundle run (it moves a target into components)', async () => {
    const dog = '#/components/schemas/Pets/properties/dog';
    const doc = spec({
      components: {
        schemas: {
          A: {
            oneOf: [{ $ref: dog }],
            discriminator: { propertyName: 'kind', mapping: { dog } },
          },
          Pets: {
            type: 'object',
            properties: { dog: { type: 'object', properties: { kind: { type: 'string' } } } },
          },
        },
      },
    });
    const { unchanged, bundle } = await compare(write('mapping.json', doc));
    expect(unchanged).toBeUndefined();
    expect(bundle).toMatchObject({
      components: {
        schemas: { A: { discriminator: { mapping: { dog: '#/components/schemas/dog' } } } },
      },
    });
  });

  /** `spec` with its schema `A` given an `example` (or more) as written. */
  const withExample = (extra: Record<string, unknown>, more: Record<string, unknown> = {}) =>
    spec({
      components: {
        schemas: { A: { type: 'string', ...extra } },
        examples: { E: { summary: 'e', value: { id: 1 } } },
        ...more,
      },
    });
  const inlined: [string, object][] = [
    [
      'a $ref to a scalar where a scalar belongs',
      withExample({ example: { $ref: '#/components/schemas/A/type' } }),
    ],
    [
      'a $ref to an object where a scalar belongs, beside other keys',
      withExample({ example: { $ref: '#/components/examples/E', note: 'kept' } }),
    ],
  ];
  it.each(inlined)('%s: inlined here as the bundle inlines it', async (name, doc) => {
    const { unchanged, bundle, input } = await compare(
      write(`${name.replace(/\W+/g, '-')}.json`, doc),
    );
    expect(bundle).not.toEqual(input);
    expect(unchanged).toEqual(bundle);
  });

  /** A spec whose schema `A` is a oneOf of `Dog` and `Cat` with the given discriminator. */
  const pets = (discriminator: object, more: Record<string, unknown> = {}) =>
    spec({
      components: {
        schemas: {
          A: {
            oneOf: [{ $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' }],
            discriminator: { propertyName: 'kind', ...discriminator },
          },
          Dog: { type: 'object', properties: { kind: { type: 'string' } } },
          Cat: { type: 'object', properties: { kind: { type: 'string' } } },
          ...more,
        },
      },
    });
  const skipped: [string, object][] = [
    [
      'a $ref in an array of examples (the bundle leaves it)',
      withExample({ examples: ['x', { $ref: '#/components/schemas/A/type' }] }),
    ],
    [
      'a mapping to components of the root file',
      pets({ mapping: { dog: '#/components/schemas/Dog', cat: '#/components/schemas/Cat' } }),
    ],
    ['a mapping of bare schema names', pets({ mapping: { dog: 'Dog', cat: 'Cat' } })],
    [
      'a defaultMapping to a component (OpenAPI 3.2)',
      { ...pets({ defaultMapping: '#/components/schemas/Dog' }), openapi: '3.2.0' },
    ],
  ];
  it.each(skipped)('%s: the bundle is skipped, and would change nothing', async (name, doc) => {
    const { unchanged, bundle, input } = await compare(
      write(`${name.replace(/\W+/g, '-')}.json`, doc),
    );
    expect(bundle).toEqual(input);
    expect(unchanged).toBeDefined();
    expect(unchanged).toEqual(bundle);
  });

  const rewrittenMappings: [string, object][] = [
    [
      'a mapping to a component that is itself a $ref (the bundle names its target)',
      pets(
        { mapping: { dog: '#/components/schemas/Hound' } },
        { Hound: { $ref: '#/components/schemas/Dog' } },
      ),
    ],
    [
      'a mapping to a component whose name is an escaped pointer',
      pets({ mapping: { dog: '#/components/schemas/a~1dog' } }, { 'a/dog': { type: 'object' } }),
    ],
    [
      'a mapping spelled with the file name',
      pets({ mapping: { dog: 'mapping-self.json#/components/schemas/Dog' } }),
    ],
    [
      'a defaultMapping into a component’s property (OpenAPI 3.2)',
      {
        ...pets({ defaultMapping: '#/components/schemas/Dog/properties/kind' }),
        openapi: '3.2.0',
      },
    ],
  ];
  it.each(rewrittenMappings)('%s: the bundle runs, and does rewrite it', async (name, doc) => {
    const file = name.includes('file name')
      ? 'mapping-self.json'
      : `${name.replace(/\W+/g, '-')}.json`;
    const { unchanged, bundle, input } = await compare(write(file, doc));
    expect(unchanged).toBeUndefined();
    expect(bundle).not.toEqual(input);
  });

  it('a decorator in the config makes the bundle run', async () => {
    const doc = spec({ components: { schemas: { A: { type: 'string' }, Unused: {} } } });
    const config = await redocly.createConfig({
      extends: [],
      rules: RULES,
      decorators: { 'remove-unused-components': 'on' },
    } as never);
    const { unchanged, bundle } = await compare(write('decorated.json', doc), config);
    expect(unchanged).toBeUndefined();
    expect(bundle).not.toHaveProperty('components.schemas.Unused');
  });
});
