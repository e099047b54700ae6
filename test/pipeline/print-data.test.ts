/**
 * print-data.ts prints data literals in Prettier's layout without Prettier. Wherever it answers,
 * its text must be Prettier's byte for byte (the mock's `routes.ts` is written without Prettier
 * on that promise); where it cannot promise that, it must say so (undefined) rather than guess.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { printData } from '../../scripts/pipeline/print-data.ts';
import type { RouteSpec } from '../../packages/mock/src/route-spec.ts';
import { routesModule, routesText } from '../../scripts/stages/mock/emit.ts';
import { buildRouteTable } from '../../scripts/stages/mock/route-table.ts';
import { loadBundledSpec, repoRoot } from '../support/spec.ts';

const options = {
  ...(await prettier.resolveConfig(`${repoRoot}/package.json`)),
  parser: 'babel-ts',
};
const prettierOf = (before: string, value: unknown, after: string) =>
  prettier.format(`${before}${JSON.stringify(value, null, 2)}${after}\n`, options);

async function expectPrettierLayout(before: string, value: unknown, after = ';') {
  const printed = printData(before, value, after);
  if (printed !== undefined) expect(`${printed}\n`).toBe(await prettierOf(before, value, after));
  return printed;
}

const FIXTURES = path.join(repoRoot, 'test/fixtures');
// every spec fixture with operationIds (the mock needs them; spec mode derives missing ones first)
const specFiles = [
  'hostile/hostile.json',
  'docs-xss/openapi.json',
  'real-world/museum.yaml',
  ...fs
    .readdirSync(`${FIXTURES}/corpus`)
    .filter((f) => f.endsWith('.json') && f !== 'bethmardutho.org.json')
    .map((f) => `corpus/${f}`),
  ...fs
    .readdirSync(`${FIXTURES}/features`)
    .filter(
      (f) => f.endsWith('.yaml') && !['swagger-2.yaml', 'missing-operation-ids.yaml'].includes(f),
    )
    .map((f) => `features/${f}`),
];

describe('data printed in Prettier layout', () => {
  const sameAsPrettier = async (routes: RouteSpec[]) => {
    const printed = routesText(routes, true);
    if (printed !== undefined)
      expect(printed).toBe(await prettier.format(routesText(routes, false)!, options));
    return printed;
  };

  it('prints the Car Owner route table as Prettier does, so the stage skips Prettier for it', async () => {
    const routes = buildRouteTable(loadBundledSpec());
    expect(routesModule(routes).formatted).toBe(true);
    expect(await sameAsPrettier(routes)).toBeDefined();
  }, 60_000);

  it('prints a table of more than 200 routes (one literal per 200, then their spread) as Prettier does', async () => {
    const [first] = buildRouteTable(loadBundledSpec());
    const routes = Array.from({ length: 1_234 }, (_, i) => ({ ...first!, operationId: `op${i}` }));
    const printed = await sameAsPrettier(routes);
    expect(printed).toContain('...routes6,');
  }, 60_000);

  it.each(specFiles)('prints the route table of %s as Prettier does', async (file) => {
    const text = fs.readFileSync(`${FIXTURES}/${file}`, 'utf8');
    const spec = file.endsWith('.json') ? JSON.parse(text) : parse(text);
    expect(await sameAsPrettier(buildRouteTable(spec, { warn: () => {} } as never))).toBeDefined();
  });

  it('follows Prettier at the edges of the print width, on quotes, keys and numbers', async () => {
    const key = 'description'; // 11 columns: `  description: '` is 16 before the text
    for (const length of [80, 81, 82, 83, 84, 85, 100])
      await expectPrettierLayout('x = ', { [key]: 'a'.repeat(length) });
    for (const length of [90, 94, 95, 96, 120])
      await expectPrettierLayout('x = ', { abcd: 'b'.repeat(length), abcde: 'c'.repeat(length) });
    for (const count of [8, 9, 10, 11, 12, 30])
      await expectPrettierLayout(
        'export const ids = ',
        Array.from({ length: count }, (_, i) => `operation${i}`),
        ' as const;',
      );
    await expectPrettierLayout('x = ', {
      "it's": 'say "hi" it\'s',
      q: "it's",
      qq: 'a "b" c',
      '200': 2,
      'a-b': 3,
      default: 4,
      $x: 5,
      '': 6,
      'line\nbreak': 'tab\there \u2028 \\ back',
      numbers: [0, -1, 1.5, 1e21, 5e-7, -0.25, 123456789],
      nested: [[], {}, [1, 2], { a: [] }],
      table: [
        [0, 0, 5],
        [0, 1, 43],
      ],
      ragged: [[0, 1], [2], 'x'.repeat(60)],
      long: [['a'.repeat(50), 'b'.repeat(50)], ['c']],
      flags: [true, false, null],
    });
    // an own `__proto__` key stays an own key (Prettier would unquote it into a prototype)
    expect(printData('x = ', JSON.parse('{"__proto__": 1}'), ';')).toBe(
      "x = {\n  ['__proto__']: 1,\n};",
    );
  });

  it('counts columns as Prettier does: wide characters and emoji take two', async () => {
    for (const length of [40, 41, 42, 43])
      await expectPrettierLayout('x = ', {
        description: '表'.repeat(length),
        quote: '— ’🦀'.repeat(length / 2),
      });
    expect(printData('x = ', { description: '表'.repeat(42) }, ';')).toContain('description:\n');
  });

  it('fills the lines of a long number array as Prettier does', async () => {
    for (const count of [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 40, 57])
      for (const digits of [1, 2, 3, 4, 5])
        await expectPrettierLayout('x = ', {
          all: Array.from({ length: count }, (_, i) => Number(String(i + 1).padEnd(digits, '7'))),
          negative: Array.from({ length: count }, (_, i) => -i - 0.5),
        });
    expect(printData('x = ', { all: Array.from({ length: 40 }, (_, i) => i) }, ';')).toBeDefined();
  });

  it('says it cannot when a key may be a Unicode identifier', () => {
    expect(printData('x = ', { ø: 1 }, ';')).toBeUndefined();
  });

  it('matches Prettier on random JSON wherever it answers', async () => {
    const samples = fc.sample(fc.jsonValue({ maxDepth: 4 }), { numRuns: 300, seed: 12 });
    let answered = 0;
    for (const value of samples) {
      const wrapped = { value, list: [value] };
      if ((await expectPrettierLayout('export const data = ', wrapped)) !== undefined) answered++;
    }
    expect(answered).toBeGreaterThan(150);
  }, 120_000);
});
