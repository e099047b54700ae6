/**
 * json-locate.ts finds a value's offset in JSON text by scanning to it; it must agree with the
 * positional parse (`yaml`, what the precheck locates with otherwise) on every value of random
 * documents, whatever their keys, strings and layout, and say "not there" for a missing path.
 */
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import {
  jsonValueOffset,
  jsonValueOffsets,
  lineCol,
  lineCols,
} from '../../scripts/pipeline/json-locate.ts';
import { nodeAt, type SourceFile } from '../../scripts/pipeline/yaml-source.ts';

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const KEYS = ['a', 'b/c', '~0', '%2F', 'quote"d', 'back\\slash', '20', '3', '', 'é', '{[', ']}'];
const STRINGS = ['x', 'a "quoted" \\ string', '{not: [json]}', '', 'line\nbreak', '\u2028'];

function value(depth: number): unknown {
  const r = random();
  if (depth > 3 || r < 0.3) return pick<unknown>([1, -2.5e3, true, null, ...STRINGS]);
  if (r < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
  return Object.fromEntries(
    Array.from({ length: Math.floor(random() * 4) }, () => [pick(KEYS), value(depth + 1)]),
  );
}

/** Every path to a value in `v`. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((item, i) => out.push(...paths(item, [...at, i])));
  else if (v && typeof v === 'object')
    for (const [k, item] of Object.entries(v)) out.push(...paths(item, [...at, k]));
  return out;
}

const pointer = (path: (string | number)[]) =>
  path
    .map((s) => `/${encodeURIComponent(String(s).replace(/~/g, '~0').replace(/\//g, '~1'))}`)
    .join('');

describe('jsonValueOffset', () => {
  it('agrees with the positional parse on every value of 200 random documents', () => {
    let compared = 0;
    for (let n = 0; n < 200; n++) {
      const doc = { root: value(0) };
      const text = JSON.stringify(doc, null, pick([undefined, 0, 2, '\t']));
      const lines = new LineCounter();
      const source: SourceFile = {
        file: 'x.json',
        doc: parseDocument(text, { lineCounter: lines }),
        lines,
      };
      const all = paths(doc);
      // every path at once, in one descent, as locateSecrets asks for a file's findings
      const together = jsonValueOffsets(text, all);
      for (const [i, path] of all.entries()) {
        const offset = jsonValueOffset(text, path);
        expect(together[i]).toBe(offset);
        const node = nodeAt(source, pointer(path));
        expect(offset, `${text} ${pointer(path)}`).toBe(path.length ? node?.range?.[0] : 0);
        if (offset !== undefined) expect(lineCol(text, offset)).toEqual(lines.linePos(offset));
        compared++;
      }
      const found = together.filter((o): o is number => o !== undefined);
      expect(lineCols(text, found)).toEqual(found.map((o) => lines.linePos(o)));
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('answers undefined for a path the document does not have', () => {
    const text = '{"a": [1, {"b": "x"}], "c": {}}';
    expect(jsonValueOffset(text, ['a', 1, 'b'])).toBe(text.indexOf('"x"'));
    for (const path of [['z'], ['a', 2], ['a', 0, 'b'], ['c', 'd'], ['a', 'b']])
      expect(jsonValueOffset(text, path), JSON.stringify(path)).toBeUndefined();
  });
});
