import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneJson } from '../../scripts/pipeline/json-clone.ts';

/** Every object and array reachable from `value`. */
function nodes(value: unknown, out = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null) {
    out.add(value);
    for (const item of Object.values(value)) nodes(item, out);
  }
  return out;
}

describe('cloneJson', () => {
  it('copies parsed JSON as structuredClone does, sharing no object with the original', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = cloneJson(value);
        expect(copy).toStrictEqual(structuredClone(value));
        const original = nodes(value);
        for (const node of nodes(copy)) expect(original.has(node)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a `__proto__` key as an own property, as JSON.parse made it', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": [{"__proto__": 1}]}') as {
      a: unknown[];
    };
    const copy = cloneJson(parsed);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
  });

  it('copies a shared node once per place, and leaves other objects to structuredClone', () => {
    const shared = { type: 'string' };
    const when = new Date('2026-12-03T00:00:00Z');
    const copy = cloneJson({ a: shared, b: shared, when });
    expect(copy.a).toEqual(shared);
    expect(copy.a).not.toBe(copy.b);
    copy.a.type = 'number';
    expect(shared.type).toBe('string');
    expect(copy.when).toBeInstanceOf(Date);
    expect(copy.when).not.toBe(when);
    expect(copy.when.getTime()).toBe(when.getTime());
  });
});
