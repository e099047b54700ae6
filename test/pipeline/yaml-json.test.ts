/**
 * The bundle stage prints generated/openapi.yaml without `yaml`'s document model
 * (scripts/stages/bundle/yaml-json.ts). Its text must be what `stringify` writes, byte for byte,
 * on every spec fixture and on any JSON data, the strings YAML quotes or writes as blocks
 * included; where it cannot promise that it says so and the stage uses `stringify`.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonToYaml, YAML_OPTIONS } from '../../scripts/stages/bundle/yaml-json.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURES = [
  'generated/openapi.json',
  ...['test/fixtures/features', 'test/fixtures/corpus'].flatMap((dir) =>
    fs
      .readdirSync(path.join(REPO, dir))
      .filter((f) => /\.(json|yaml)$/.test(f))
      .map((f) => `${dir}/${f}`),
  ),
];

const read = (file: string): unknown => {
  const text = fs.readFileSync(path.join(REPO, file), 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parse(text);
};

/** Strings YAML treats specially: indicators, markers, look-alikes of other types, whitespace. */
const awkward = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(...'ab -:#?\n\t\'"|>%.,[]{}&*!@`\\0x1e+~'), maxLength: 14 }),
  fc.constantFrom(
    '',
    '-',
    '?',
    '---',
    '...',
    '--- a',
    '%YAML',
    'null',
    'Null',
    '~',
    'true',
    'FALSE',
    'yes',
    '0o17',
    '0x1F',
    '1e3',
    '.inf',
    '-.5',
    '+1',
    '007',
    'a\u0000b',
    'tab\there',
    'é\u2028',
    '\ud800',
    ' lead',
    'trail ',
    'line\n',
    'line\n\n',
    '\n',
    'a\n b',
    'a \nb',
    'x'.repeat(50) + '\ny',
  ),
);
const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    awkward,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(awkward, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('jsonToYaml', () => {
  it.each(FIXTURES)('prints %s as stringify does', (file) => {
    const data = read(file);
    expect(jsonToYaml(data)).toBe(stringify(data, YAML_OPTIONS));
  });

  it('prints any JSON map or array as stringify does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(json), fc.dictionary(awkward, json)), (data) => {
        expect(jsonToYaml(data)).toBe(stringify(data, YAML_OPTIONS));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('keeps a document marker key quoted at the top level only, and -0 apart from 0', () => {
    const data = { '--- a': { '--- a': [0, -0, -0, 0] }, '...': '...' };
    expect(jsonToYaml(data)).toBe(stringify(data, YAML_OPTIONS));
  });

  it('leaves to stringify what it does not print: long keys, scalars at the top', () => {
    expect(jsonToYaml({ ['k'.repeat(1100)]: 1 })).toBeUndefined();
    expect(jsonToYaml('text')).toBeUndefined();
    expect(jsonToYaml({ a: Number.POSITIVE_INFINITY })).toBeUndefined();
  });
});
