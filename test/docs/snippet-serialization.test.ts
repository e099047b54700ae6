/**
 * Snippets put every parameter on the wire as the spec serializes it. Each snippet's URL is parsed
 * back and compared with (1) the OpenAPI specification's own style table (color = blue, black,
 * brown / R=100, G=200, B=150) for every style and explode, and (2) the real spec's examples
 * under each parameter's declared style, for every operation and every language that has a URL.
 */
import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from '../../scripts/pipeline/openapi-types.ts';
import { collectOperations, type ParamModel } from '../../scripts/stages/docs/operations.ts';
import {
  curlSnippet,
  fetchSnippet,
  axiosSnippet,
  snippetRequest,
} from '../../scripts/stages/docs/snippets/index.ts';
import { realSpec } from './support/spec.ts';

/** The path-and-query of each URL-bearing snippet: cURL's quoted URL, fetch's and axios's string. */
function snippetUrls(code: { curl: string; fetch: string; axios: string }): string[] {
  const curl = /"\$BASE_URL"'((?:[^']|'\\'')*)'/.exec(code.curl)?.[1]?.replace(/'\\''/g, "'");
  const js = (s: string) => {
    const m = /BASE_URL \+ ("(?:[^"\\]|\\.)*")/.exec(s);
    return m ? (JSON.parse(m[1]!) as string) : undefined;
  };
  return [curl, js(code.fetch), js(code.axios)].map((u) => {
    expect(u).toBeDefined();
    return u!;
  });
}

const urlsOf = (op: ReturnType<typeof collectOperations>[number]) => {
  const req = snippetRequest(op);
  return snippetUrls({
    curl: curlSnippet(req),
    fetch: fetchSnippet(req),
    axios: axiosSnippet(req),
  });
};

/** The decoded query pairs of a path-and-query, in order. */
const queryPairs = (pathAndQuery: string) =>
  (pathAndQuery.split('?')[1] ?? '')
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=').map(decodeURIComponent).join('='));

const COLOR_ARRAY = ['blue', 'black', 'brown'];
const COLOR_OBJECT = { R: 100, G: 200, B: 150 };

/** The OpenAPI 3.1 specification's style examples (§ 4.8.12.4 Style Examples), decoded. */
const TABLE: {
  in: 'path' | 'query';
  style: string;
  explode: boolean;
  array: string;
  object: string;
}[] = [
  {
    in: 'path',
    style: 'matrix',
    explode: false,
    array: ';color=blue,black,brown',
    object: ';color=R,100,G,200,B,150',
  },
  {
    in: 'path',
    style: 'matrix',
    explode: true,
    array: ';color=blue;color=black;color=brown',
    object: ';R=100;G=200;B=150',
  },
  {
    in: 'path',
    style: 'label',
    explode: false,
    array: '.blue,black,brown',
    object: '.R,100,G,200,B,150',
  },
  {
    in: 'path',
    style: 'label',
    explode: true,
    array: '.blue.black.brown',
    object: '.R=100.G=200.B=150',
  },
  {
    in: 'path',
    style: 'simple',
    explode: false,
    array: 'blue,black,brown',
    object: 'R,100,G,200,B,150',
  },
  {
    in: 'path',
    style: 'simple',
    explode: true,
    array: 'blue,black,brown',
    object: 'R=100,G=200,B=150',
  },
  {
    in: 'query',
    style: 'form',
    explode: false,
    array: 'color=blue,black,brown',
    object: 'color=R,100,G,200,B,150',
  },
  {
    in: 'query',
    style: 'form',
    explode: true,
    array: 'color=blue&color=black&color=brown',
    object: 'R=100&G=200&B=150',
  },
  {
    in: 'query',
    style: 'spaceDelimited',
    explode: false,
    array: 'color=blue black brown',
    object: 'color=R 100 G 200 B 150',
  },
  {
    in: 'query',
    style: 'pipeDelimited',
    explode: false,
    array: 'color=blue|black|brown',
    object: 'color=R|100|G|200|B|150',
  },
  {
    in: 'query',
    style: 'deepObject',
    explode: true,
    array: '',
    object: 'color[R]=100&color[G]=200&color[B]=150',
  },
];

/** A one-operation spec with one `color` parameter of the given style. */
function styleSpec(row: (typeof TABLE)[number], value: unknown): OpenAPIV3_1.Document {
  const path = row.in === 'path' ? '/paint/{color}' : '/paint';
  return {
    openapi: '3.1.0',
    info: { title: 'styles', version: '1' },
    paths: {
      [path]: {
        get: {
          operationId: 'paint',
          parameters: [
            {
              name: 'color',
              in: row.in,
              required: true,
              style: row.style,
              explode: row.explode,
              schema: Array.isArray(value)
                ? { type: 'array', items: { type: 'string' } }
                : { type: 'object' },
              example: value,
            },
          ],
          responses: { '204': { description: 'painted' } },
        },
      },
    },
  } as unknown as OpenAPIV3_1.Document;
}

describe('snippet URLs follow the OpenAPI style table', () => {
  for (const row of TABLE)
    for (const [shape, value, expected] of [
      ['array', COLOR_ARRAY, row.array],
      ['object', COLOR_OBJECT, row.object],
    ] as const) {
      if (!expected) continue;
      it(`${row.in} ${row.style} explode=${row.explode}, ${shape}: ${expected}`, () => {
        const [op] = collectOperations(styleSpec(row, value));
        for (const url of urlsOf(op!)) {
          if (row.in === 'path')
            expect(decodeURIComponent(url.slice('/paint/'.length))).toBe(expected);
          else expect(queryPairs(url).join('&')).toBe(expected);
        }
      });
    }
});

/** Reads a parameter back from a URL's query by its style: the inverse of serialization. */
function readQuery(p: ParamModel, pairs: string[]): unknown {
  const style = p.style ?? 'form';
  const explode = p.explode ?? style === 'form';
  const mine = pairs
    .filter((q) => q.startsWith(`${p.name}=`))
    .map((q) => q.slice(p.name.length + 1));
  if (Array.isArray(p.example)) {
    if (explode) return mine;
    const sep = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
    return mine[0]?.split(sep);
  }
  return mine[0];
}

describe('snippet URLs of the real spec', () => {
  const ops = collectOperations(realSpec());

  it('every query parameter a snippet sends reads back as its example under its declared style', () => {
    let checked = 0;
    for (const op of ops)
      for (const url of urlsOf(op)) {
        const pairs = queryPairs(url);
        for (const p of op.parameters) {
          if (p.in !== 'query' || (!p.required && !p.hasExample) || p.example === undefined)
            continue;
          const expected = Array.isArray(p.example) ? p.example.map(String) : String(p.example);
          expect(readQuery(p, pairs), `${op.id} ${p.name} in ${url}`).toEqual(expected);
          checked++;
        }
        // nothing else is on the wire
        const names = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
        for (const q of pairs) expect(names.has(q.split('=')[0]!), `${op.id}: ${q}`).toBe(true);
      }
    expect(checked).toBeGreaterThan(20);
  });

  it('explode: false arrays go comma-separated, as the spec says (GET /bookings expand)', () => {
    const op = ops.find((o) => o.id === 'listBookings')!;
    const expand = op.parameters.find((p) => p.name === 'expand')!;
    expect(expand.explode).toBe(false);
    if (expand.hasExample || expand.required)
      for (const url of urlsOf(op)) expect(url).toMatch(/[?&]expand=[^&]*,/);
  });

  it('every path parameter is filled in, none left as a {template}', () => {
    for (const op of ops) for (const url of urlsOf(op)) expect(url, op.id).not.toMatch(/[{}]/);
  });
});
