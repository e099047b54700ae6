/**
 * The client's own serializers (packages/client/src/serializers.ts) replace openapi-fetch's at
 * runtime to save bytes; these tests hold them to byte-identical output with openapi-fetch 0.17
 * over every OpenAPI query style x explode x value shape, path templates, headers and bodies.
 */
import {
  type HeadersOptions,
  createFinalURL,
  defaultBodySerializer,
  defaultPathSerializer,
  mergeHeaders as theirMergeHeaders,
  serializeArrayParam,
  serializeObjectParam,
  serializePrimitiveParam,
} from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import {
  fillPath,
  mergeHeaders,
  queryParam,
  serializeBody,
} from '../../packages/client/src/serializers.ts';

// Typed with one parameter in 0.17, but it reads the Content-Type from its second.
const theirBody = defaultBodySerializer as (body: unknown, headers?: Headers) => unknown;

const awkward = ['a b', 'ø/æ?å', '&=#+%', "it's", '', '$&', '😀', 0, 12.5, true, false];
const arrays: unknown[][] = [['x'], ['a', 'b', 'c'], awkward, [1, 2, 3], [null, 'x', undefined]];
const objects: Record<string, unknown>[] = [
  { a: '1' },
  { role: 'admin', 'first name': 'Kari Nordmann' },
  { 'ø k': 'v/w', n: 5, b: false },
  {},
  { a: null, b: 'x', c: undefined },
];
const styles = ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'] as const;

function theirs(name: string, value: unknown, style: string, explode: boolean): string {
  if (Array.isArray(value))
    return serializeArrayParam(name, value, { style: style as 'form', explode });
  if (value && typeof value === 'object')
    return serializeObjectParam(name, value as Record<string, unknown>, {
      style: style as 'form',
      explode,
    });
  return serializePrimitiveParam(name, String(value));
}

describe('query parameters match openapi-fetch byte for byte', () => {
  for (const style of styles)
    for (const explode of [true, false]) {
      it(`${style}, explode ${explode}`, () => {
        for (const value of [...arrays, ...objects, ...awkward])
          expect(queryParam('p', value, style, explode)).toBe(theirs('p', value, style, explode));
      });
    }

  it('nested values throw as in openapi-fetch', () => {
    expect(() => queryParam('p', [['x']], 'form', true)).toThrow(/Deeply-nested/);
    expect(() => theirs('p', [['x']], 'form', true)).toThrow(/Deeply-nested/);
    expect(() => queryParam('p', { a: { b: 1 } }, 'deepObject', true)).toThrow(/Deeply-nested/);
    expect(() => theirs('p', { a: { b: 1 } }, 'deepObject', true)).toThrow(/Deeply-nested/);
  });
});

describe('path templates match openapi-fetch', () => {
  const paths = ['/vehicles/{registration_number}', '/a/{x}/b/{y}/{x}', '/none', '/a/{missing}'];
  const values: Record<string, unknown>[] = [
    { registration_number: 'BT 57/225', x: 'ø', y: 3 },
    { registration_number: ['a', 'b c'], x: { k: 'v w', n: 1 }, y: true },
    { x: null, y: undefined, registration_number: '' },
    { x: '$&', y: '%2F', registration_number: 0 },
  ];
  it('fills {name} for primitives, arrays and objects; leaves missing ones', () => {
    for (const path of paths)
      for (const v of values) expect(fillPath(path, v)).toBe(defaultPathSerializer(path, v));
  });

  it('builds the same URL as createFinalURL', () => {
    const query = (q: Record<string, unknown>) =>
      Object.entries(q)
        .map(([k, v]) => queryParam(k, v, 'form', true))
        .join('&');
    const url = createFinalURL('/a/{x}', {
      baseUrl: 'http://h/api',
      params: { path: { x: 'a b' }, query: { q: 'ø' } },
      querySerializer: query,
      pathSerializer: defaultPathSerializer,
    });
    expect(url).toBe(`http://h/api${fillPath('/a/{x}', { x: 'a b' })}?${query({ q: 'ø' })}`);
  });
});

describe('headers and bodies match openapi-fetch', () => {
  it('merges headers: later wins, null deletes, arrays append', () => {
    const sources = [
      { 'Content-Type': 'application/json', 'X-A': '1' },
      new Headers({ 'x-a': '2', 'x-b': 'b' }),
      { 'x-b': null, 'x-c': ['1', '2'], 'x-d': undefined },
      undefined,
    ] as HeadersOptions[];
    expect([...mergeHeaders(...sources).entries()]).toEqual([
      ...theirMergeHeaders(...sources).entries(),
    ]);
  });

  it('serializes JSON, URL-encoded and FormData bodies the same', () => {
    const body = { a: 'x y', b: 'ø&' };
    const json = new Headers();
    const form = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(serializeBody(body, json)).toBe(theirBody(body, json));
    expect(serializeBody(body, form)).toBe(theirBody(body, form));
    const data = new FormData();
    expect(serializeBody(data, json)).toBe(data);
    expect(serializeBody([1, 'ø'], json)).toBe(theirBody([1, 'ø'], json));
  });
});
