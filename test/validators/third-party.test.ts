/**
 * Third-party mode (scripts/stages/third-party.ts): what the emitter cannot check is reported
 * with a warning naming it, everything else is generated, compiles and validates; OpenAPI 3.0
 * `nullable` and recursive schemas are supported. House mode still fails loudly on the same spec.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { createClientTypesStage } from '../../scripts/stages/client-types/index.ts';
import { ValidatorGenerationError } from '../../scripts/stages/validators/errors.ts';
import { createValidatorsStage, validatorsStage } from '../../scripts/stages/validators/index.ts';
import { ROOT } from './support/targets.ts';

const OUT = `${ROOT}/.tmp/validators-third-party`;
const SRC = `${OUT}/packages/validators/src`;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/x': {
      post: {
        operationId: 'makeX',
        requestBody: json(ref('Odd')),
        responses: {
          '200': { description: 'OK', ...json(ref('Stamp')) },
          '201': { description: 'Created', ...json(ref('Tree')) },
        },
      },
    },
  },
  components: {
    schemas: {
      Node: { type: 'object', properties: { children: { type: 'array', items: ref('Node') } } },
      Tree: { type: 'object', properties: { root: ref('Node') } },
      Odd: { not: { type: 'string' } },
      Holder: { type: 'object', properties: { name: ref('Name'), odd: ref('Odd') } },
      Stamp: { type: 'integer', format: 'unix-time' },
      Name: { type: 'string', nullable: true },
      Positive: {
        type: 'number',
        minimum: 0,
        exclusiveMinimum: true,
        maximum: 9,
        exclusiveMaximum: false,
      },
    },
  },
} as never;

const warnings: string[] = [];
let mod: Record<string, z.ZodType>;
let table: Record<string, { request?: object; responses: Record<string, z.ZodType> }>;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const mode = { warn: (line: string) => warnings.push(line) };
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
    cpSync(`${ROOT}/packages/validators/src/${hand}`, `${SRC}/${hand}`, { recursive: true });
  mod = await import(pathToFileURL(`${SRC}/generated/index.ts`).href);
  ({ operationValidators: table } = await import(
    pathToFileURL(`${SRC}/generated/operations.ts`).href
  ));
});

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('validators in third-party mode', () => {
  it('house mode fails on the same spec', () => {
    expect(() => validatorsStage.run({ spec, root: '.', outputs: new Map() })).toThrow(
      ValidatorGenerationError,
    );
  });

  it('generates recursion, `not` and the rest; an unknown format is a warning, not a skip', () => {
    expect(warnings).toEqual([
      expect.stringMatching(/^validators: format "unix-time" has no validator and is not checked/),
    ]);
    expect(
      Object.keys(mod)
        .filter((k) => k.endsWith('Schema'))
        .sort(),
    ).toEqual([
      'HolderSchema',
      'NameSchema',
      'NodeSchema',
      'OddSchema',
      'PositiveSchema',
      'StampSchema',
      'TreeSchema',
    ]);
    expect(Object.keys(table.makeX!.responses)).toEqual(['200', '201']);
    // OpenAPI 3.0 (draft 4): a boolean `exclusiveMinimum` makes `minimum` exclusive.
    expect([0, 0.5, 9, 9.5].map((v) => mod.PositiveSchema!.safeParse(v).success)).toEqual([
      false,
      true,
      true,
      false,
    ]);
    const tree = { root: { children: [{ children: [] }, { children: [{}] }] } };
    expect(mod.TreeSchema!.safeParse(tree).success).toBe(true);
    expect(mod.TreeSchema!.safeParse({ root: { children: [{ children: 1 }] } }).success).toBe(
      false,
    );
    expect(['x', 1].map((v) => mod.OddSchema!.safeParse(v).success)).toEqual([false, true]);
  });

  it('OpenAPI 3.0 `nullable: true` admits null; an unknown format is not checked', () => {
    expect([null, 'x', 1].map((v) => mod.NameSchema!.safeParse(v).success)).toEqual([
      true,
      true,
      false,
    ]);
    expect([5, 'x'].map((v) => mod.StampSchema!.safeParse(v).success)).toEqual([true, false]);
  });

  it('compiles with declarations, agrees with the client types, and keeps the table precise', () => {
    writeFileSync(
      `${SRC}/consumer.ts`,
      `import { operationValidators } from './generated/operations.ts';\n` +
        `export const stamp: number = operationValidators.makeX.responses['200'].parse(1);\n`,
    );
    writeFileSync(
      `${OUT}/tsconfig.json`,
      JSON.stringify({
        extends: '../../tsconfig.base.json',
        compilerOptions: { noEmit: true, allowImportingTsExtensions: true, types: [] },
        include: ['packages/**/*.ts'],
      }),
    );
    execFileSync(
      process.execPath,
      [`${ROOT}/node_modules/typescript/bin/tsc`, '-p', `${OUT}/tsconfig.json`],
      { encoding: 'utf8' },
    );
  });
});
