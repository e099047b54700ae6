/**
 * Types and validators agree on the constructs issue 11 names, on feature fixtures (OpenAPI 3.1
 * and 3.0): `z.infer` of each generated component is identical to openapi-typescript's type
 * (client-types stage), checked by `tsc` on the generated type-equality file, and the validator
 * accepts and rejects what the type says. KNOWN_GAPS lists, with the reason, each component whose
 * types still differ; a gap that closes fails too, so the list cannot go stale.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { createClientTypesStage } from '../../scripts/stages/client-types/index.ts';
import { createValidatorsStage } from '../../scripts/stages/validators/index.ts';
import { ROOT } from './support/targets.ts';

const OUT = `${ROOT}/.tmp/validators-type-agreement`;
const schemas = {
  WithDefault: {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string' }, kind: { type: 'string', default: 'car' } },
  },
  ConstNull: { type: 'object', properties: { gone: { const: null } }, required: ['gone'] },
  NullableLeftover: { type: 'string', nullable: true },
  TypeArrayNull: { type: ['integer', 'null'] },
  EnumWithNull: { type: ['string', 'null'], enum: ['a', 'b', null] },
  BooleanSchemas: {
    type: 'object',
    properties: { anything: true, nothing: false },
  },
  ReadWrite: {
    type: 'object',
    required: ['id', 'password'],
    properties: {
      id: { type: 'string', readOnly: true },
      password: { type: 'string', writeOnly: true },
    },
  },
  // readOnly reached through a `$ref` and inside `items`: these too go through `Mutable`
  HoldsReadWrite: {
    type: 'object',
    properties: { rw: { $ref: '#/components/schemas/ReadWrite' } },
  },
  ReadOnlyInItems: {
    type: 'array',
    items: { type: 'object', properties: { at: { type: 'string', readOnly: true } } },
  },
  TypedMap: { type: 'object', additionalProperties: { type: 'integer' } },
  OpenMap: { type: 'object', additionalProperties: true, properties: { a: { type: 'string' } } },
  EmptyObject: { type: 'object' },
  NoKeys: { type: 'object', additionalProperties: false },
};

/** Component -> why its types still differ. */
const KNOWN_GAPS: Record<string, string> = {
  // none left: `readonly` on readOnly properties is compared away (both sides through `Mutable`,
  // type-equality-module.ts), and `type: object` without properties is `z.looseObject({})`
};

let mod: Record<string, z.ZodType>;
const src = `${OUT}/packages/validators/src`;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const spec = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas },
  } as never;
  const mode = { warn: () => undefined };
  const ctx = { spec, root: OUT, outputs: new Map() };
  const files = [
    ...(await createClientTypesStage(mode).run(ctx)),
    ...(await createValidatorsStage(mode).run(ctx)),
  ];
  for (const file of files) {
    mkdirSync(dirname(`${OUT}/${file.path}`), { recursive: true });
    writeFileSync(`${OUT}/${file.path}`, file.content);
  }
  for (const hand of ['runtime', 'operation-types.ts'])
    cpSync(`${ROOT}/packages/validators/src/${hand}`, `${src}/${hand}`, { recursive: true });
  writeFileSync(
    `${OUT}/tsconfig.json`,
    JSON.stringify({
      extends: '../../tsconfig.base.json',
      compilerOptions: { noEmit: true, allowImportingTsExtensions: true, types: [] },
      files: ['packages/validators/src/generated/type-equality.test-d.ts'],
    }),
  );
  mod = await import(pathToFileURL(`${src}/generated/index.ts`).href);
});

afterAll(() => process.env.KEEP || rmSync(OUT, { recursive: true, force: true }));

function failing(): string[] {
  let output = '';
  try {
    execFileSync(
      process.execPath,
      [`${ROOT}/node_modules/typescript/bin/tsc`, '-p', `${OUT}/tsconfig.json`],
      {
        encoding: 'utf8',
      },
    );
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  const lines = readFileSync(`${src}/generated/type-equality.test-d.ts`, 'utf8').split('\n');
  const names = new Set<string>();
  for (const m of output.matchAll(/type-equality\.test-d\.ts\((\d+),\d+\): error TS2344/g))
    for (let line = Number(m[1]) - 1; line >= 0; line--) {
      const key = /^\s+["']?([^"':\s]+)["']?: Expect</.exec(lines[line] ?? '');
      if (key?.[1]) {
        names.add(key[1]);
        break;
      }
    }
  if (output && names.size === 0) throw new Error(`tsc failed:\n${output}`);
  return [...names].sort();
}

describe('types and validators agree (issue 11 constructs)', () => {
  it('every component is compared, none is listed as not comparable', () => {
    const text = readFileSync(`${src}/generated/type-equality.test-d.ts`, 'utf8');
    // the stage's text, in Prettier's quotes (print-statements.ts) or the TypeScript printer's
    for (const name of Object.keys(schemas))
      expect(text).toMatch(new RegExp(`components\\[(['"])schemas\\1\\]\\[(['"])${name}\\2\\]`));
    expect(text).toContain('export const notCompared = {} as const;');
  });

  it('compares through Mutable only the components that reach a readOnly property', () => {
    const text = readFileSync(`${src}/generated/type-equality.test-d.ts`, 'utf8');
    const viaMutable = [
      ...text.matchAll(/Mutable<components\[['"]schemas['"]\]\[['"](\w+)['"]\]>/g),
    ]
      .map((m) => m[1])
      .sort();
    // `Mutable` rebuilds both types node by node: on GitHub's spec, used for every component, it
    // made the file 4 s of tsc's 15
    expect(viaMutable).toEqual(['HoldsReadWrite', 'ReadOnlyInItems', 'ReadWrite']);
  });

  it('z.infer is identical to the client type, except the reviewed gaps', () => {
    expect(failing()).toEqual(Object.keys(KNOWN_GAPS).sort());
  });

  it('validators mean what the types say', () => {
    const ok = (name: string, value: unknown) => mod[`${name}Schema`]!.safeParse(value).success;
    expect([ok('WithDefault', { id: 'x' }), ok('WithDefault', {})]).toEqual([true, false]);
    expect(ok('WithDefault', { id: 'x' }) && mod.WithDefaultSchema!.parse({ id: 'x' })).toEqual({
      id: 'x',
    });
    expect([ok('ConstNull', { gone: null }), ok('ConstNull', { gone: 0 })]).toEqual([true, false]);
    expect([
      ok('NullableLeftover', null),
      ok('NullableLeftover', 'a'),
      ok('NullableLeftover', 1),
    ]).toEqual([true, true, false]);
    expect([ok('EnumWithNull', null), ok('EnumWithNull', 'a'), ok('EnumWithNull', 'c')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([ok('BooleanSchemas', { anything: [1] }), ok('BooleanSchemas', { nothing: 1 })]).toEqual(
      [true, false],
    );
    expect([ok('TypedMap', { a: 1 }), ok('TypedMap', { a: 'x' })]).toEqual([true, false]);
    expect([
      ok('OpenMap', { a: 'x', b: 1 }),
      ok('EmptyObject', { b: 1 }),
      ok('EmptyObject', []),
      ok('NoKeys', {}),
      ok('NoKeys', { a: 1 }),
    ]).toEqual([true, true, false, true, false]);
  });
});
