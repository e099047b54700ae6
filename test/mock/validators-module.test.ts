/**
 * The mock's `validators.ts` and the bundle's `generated/README.md` are written without Prettier
 * (`formatted`), so a Car Owner run never loads it (about 0.2 s of a cold run). Wherever the
 * printer answers, its text must be Prettier's byte for byte; where it cannot promise that it
 * must say so (undefined), and the stage leaves the file to Prettier.
 */
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { withHeader } from '../../scripts/pipeline/header.ts';
import {
  validatorsModule,
  validatorsText,
  type ValidatorRefs,
} from '../../scripts/stages/mock/emit.ts';
import { bundleStage } from '../../scripts/stages/bundle/index.ts';
import { repoRoot } from '../support/spec.ts';

const config = (await prettier.resolveConfig(`${repoRoot}/package.json`)) ?? {};
const formatTs = (text: string) => prettier.format(text, { ...config, parser: 'babel-ts' });

const refs = (entries: [string, ValidatorRefs][]) => new Map(entries);
const all: ValidatorRefs = { params: 'params1', multipart: 'multipart1', json: 'json1' };

const CASES: [string, Map<string, ValidatorRefs>][] = [
  [
    'short ids, all shapes of entry',
    refs([
      ['a', {}],
      ['b', { params: 'params0' }],
      ['c', all],
    ]),
  ],
  [
    'ids that need quotes',
    refs([
      ['actions/add-custom-labels', { params: 'params2', json: 'json2' }],
      ['1', {}],
      ['1a', {}],
      ['a b', {}],
      ["it's", {}],
      ['say "hi"', {}],
      ['$ok_1', {}],
    ]),
  ],
  // around the print width: the entry line `  key: { … },` is 100 columns at the edge
  ...[40, 41, 42, 43, 60, 80, 90].map(
    (n) =>
      [`a ${n}-character id`, refs([['x'.repeat(n), { params: 'params10', json: 'json10' }]])] as [
        string,
        Map<string, ValidatorRefs>,
      ],
  ),
];

describe('validators.ts printed in Prettier layout', () => {
  it.each(CASES)('matches Prettier: %s', async (_, table) => {
    const printed = validatorsText(table, true);
    expect(printed).toBeDefined();
    expect(printed).toBe(await formatTs(validatorsText(table, false)!));
    expect(validatorsModule(table).formatted).toBe(true);
  });

  it('leaves to Prettier the keys it cannot promise: non-ASCII, __proto__, too long for `key: {`', () => {
    for (const id of ['café', '__proto__', 'x'.repeat(100)]) {
      const table = refs([[id, { params: 'params0' }]]);
      expect(validatorsText(table, true)).toBeUndefined();
      expect(validatorsModule(table)).toEqual({
        content: validatorsText(table, false),
        formatted: false,
      });
    }
  });
});

describe('generated/README.md', () => {
  it('is what Prettier makes of it once the notice is added', async () => {
    const files = await bundleStage.run({
      spec: { openapi: '3.1.0', info: { title: 't', version: '1' } },
    } as never);
    const readme = files.find((f) => f.path === 'generated/README.md')!;
    expect(readme.formatted).toBe(true);
    const written = withHeader(readme.path, readme.content);
    expect(await prettier.format(written, { ...config, parser: 'markdown' })).toBe(written);
  });
});
