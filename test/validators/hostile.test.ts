/**
 * Hostile spec text (`*\/`, quotes, backticks, `${`, `</script>`, U+2028/U+2029 in descriptions,
 * names, enum values and patterns): the generated package type-checks, importing it
 * runs nothing from the spec, and the hostile enum values and patterns validate exactly.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { validatorsStage } from '../../scripts/stages/validators/index.ts';
import { ROOT } from './support/targets.ts';

const P = 'globalThis.__minbilHostile = 1';
const OUT = `${ROOT}/.tmp/validators-hostile`;
const spec = JSON.parse(readFileSync(`${ROOT}/test/fixtures/hostile/hostile.json`, 'utf8'));
const hostile = spec.components.schemas.Hostile;
const enumKey = `*/${P};/*`;
const enumValues: string[] = hostile.properties[enumKey].enum;
let mod: Record<string, z.ZodType>;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const files = await validatorsStage.run({ spec, root: OUT, outputs: new Map() });
  for (const file of files) {
    mkdirSync(dirname(`${OUT}/${file.path}`), { recursive: true });
    writeFileSync(`${OUT}/${file.path}`, file.content);
  }
  for (const hand of ['runtime', 'operation-types.ts'])
    cpSync(`${ROOT}/packages/validators/src/${hand}`, `${OUT}/packages/validators/src/${hand}`, {
      recursive: true,
    });
  writeFileSync(
    `${OUT}/tsconfig.json`,
    JSON.stringify({
      extends: '../../tsconfig.base.json',
      compilerOptions: { noEmit: true, allowImportingTsExtensions: true, types: [] },
      include: ['packages/validators/src/**/*.ts'],
      exclude: ['**/type-equality.test-d.ts'],
    }),
  );
  mod = await import(pathToFileURL(`${OUT}/packages/validators/src/generated/index.ts`).href);
});

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const valid = () => ({
  [enumKey]: enumValues[0],
  'quote"\'`': '"\'`${x}\u2028',
  [`\${${P}}`]: 1,
  'line\u2028sep': true,
});

describe('hostile spec text', () => {
  it('generates modules that type-check', () => {
    execFileSync(
      process.execPath,
      [`${ROOT}/node_modules/typescript/bin/tsc`, '-p', `${OUT}/tsconfig.json`],
      { encoding: 'utf8' },
    );
  });

  it('runs nothing from the spec on import and pollutes no prototype', () => {
    expect((globalThis as Record<string, unknown>).__minbilHostile).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('type');
    expect(Object.keys(mod).sort()).toEqual([
      'EvilXNameSchema',
      'HostileLooseSchema',
      'HostileSchema',
      'hostileGlobalThisMinbilHostile1PathParams',
      'hostileGlobalThisMinbilHostile1QueryParams',
      'hostileGlobalThisMinbilHostile1RequestBody',
      'hostileGlobalThisMinbilHostile1Response200',
    ]);
  });

  it('accepts every hostile enum value exactly, and nothing near it', () => {
    const schema = mod.HostileSchema as z.ZodType;
    for (const value of enumValues)
      expect(schema.safeParse({ ...valid(), [enumKey]: value }).success).toBe(true);
    for (const near of [
      '*/ ',
      '\\u0041',
      'A',
      'line\nseparator',
      'line separator',
      `${P}`,
      '`${globalThis.__minbilHostile = 1}',
    ])
      expect(schema.safeParse({ ...valid(), [enumKey]: near }).success, near).toBe(
        near === '\\u0041',
      );
    expect((globalThis as Record<string, unknown>).__minbilHostile).toBeUndefined();
  });

  it('keeps hostile property names, patterns and __proto__ as data', () => {
    const schema = mod.HostileSchema as z.ZodType;
    expect(schema.safeParse(valid()).success).toBe(true);
    expect(schema.safeParse({ ...valid(), 'quote"\'`': '"\'`${x}\n' }).success).toBe(false);
    expect(schema.safeParse({ ...valid(), extra: 1 }).success).toBe(false);
    const polluting = JSON.parse(
      `{"__proto__": {"type": "polluted"}, ${JSON.stringify(valid()).slice(1)}`,
    );
    expect(schema.safeParse(polluting).success).toBe(false); // an unknown key to a strict object, as in Ajv
    expect(Object.prototype).not.toHaveProperty('type');
    const query = mod.hostileGlobalThisMinbilHostile1QueryParams as z.ZodType;
    const name = `q"'\`\${${P}}\``;
    for (const value of ['abc/*', '`${x}`', '</script>', 'x</script>y'])
      expect(query.safeParse({ [name]: value }).success, value).toBe(true);
    expect(query.safeParse({ [name]: 'abc' }).success).toBe(false);
  });
});
