/**
 * fast-check arbitraries built from a JSON Schema node: values that are meant to be valid (the
 * generator ignores some interactions, so "meant" matters: only agreement is asserted), with the
 * string formats sampled around their edges (case, separators, offsets, prefixes).
 */
import fc from 'fast-check';
import { resolvePointer } from '../../../scripts/pipeline/json-pointer.ts';
import { formatArbitrary } from './format-arbitraries.ts';

type Node = Record<string, unknown>;
const MAX_DEPTH = 6;

export function schemaArbitrary(spec: unknown, node: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (node === true || node === undefined) return fc.jsonValue({ maxDepth: 2 });
  if (node === false || typeof node !== 'object' || node === null || depth > MAX_DEPTH)
    return fc.constant(null);
  const n = node as Node;
  const next = (sub: unknown) => schemaArbitrary(spec, sub, depth + 1);
  if (typeof n.$ref === 'string') {
    const { $ref, ...rest } = n;
    return next(merge(resolvePointer(spec, $ref) as Node, rest));
  }
  if (Array.isArray(n.allOf)) {
    const { allOf, ...rest } = n;
    return fc.tuple(...allOf.map((m) => next(merge(rest, m as Node)))).map(mergeValues);
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = n[key];
    if (Array.isArray(members)) {
      const { [key]: _, ...rest } = n;
      return fc.oneof(...members.map((m) => next(merge(rest, m as Node))));
    }
  }
  if (Array.isArray(n.enum)) return fc.constantFrom(...(n.enum as unknown[]));
  if ('const' in n) return fc.constant(n.const);
  const types = Array.isArray(n.type)
    ? (n.type as string[])
    : n.type
      ? [n.type as string]
      : [guessType(n)];
  return fc.oneof(...types.map((t) => typed(spec, t, n, depth)));
}

function guessType(n: Node): string {
  if ('properties' in n || 'required' in n || 'additionalProperties' in n) return 'object';
  if ('items' in n) return 'array';
  if ('format' in n || 'pattern' in n || 'minLength' in n) return 'string';
  if ('minimum' in n || 'maximum' in n) return 'number';
  return 'any';
}

function typed(spec: unknown, type: string, n: Node, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(n);
    case 'integer':
      return integerArbitrary(n);
    case 'number':
      return fc.oneof(
        integerArbitrary(n),
        fc.double({
          min: num(n.minimum) ?? num(n.exclusiveMinimum) ?? -1e6,
          max: num(n.maximum) ?? num(n.exclusiveMaximum) ?? 1e6,
          noNaN: true,
          noDefaultInfinity: true,
        }),
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = num(n.minItems) ?? 0;
      return fc.array(schemaArbitrary(spec, n.items, depth + 1), {
        minLength: min,
        maxLength: Math.max(min, Math.min(num(n.maxItems) ?? 3, 3)),
      });
    }
    case 'object':
      return objectArbitrary(spec, n, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function stringArbitrary(n: Node): fc.Arbitrary<string> {
  if (typeof n.format === 'string' && !['binary', 'password'].includes(n.format))
    return formatArbitrary(n.format);
  if (typeof n.pattern === 'string') return fc.stringMatching(new RegExp(n.pattern, 'u'));
  const minLength = num(n.minLength) ?? 0;
  const maxLength = Math.max(
    minLength,
    Math.min(num(n.maxLength) ?? minLength + 12, minLength + 12),
  );
  return fc.oneof(
    fc.string({ minLength, maxLength, unit: 'grapheme-ascii' }),
    fc.string({ minLength, maxLength, unit: 'binary' }),
  );
}

function integerArbitrary(n: Node): fc.Arbitrary<number> {
  const min = num(n.minimum) ?? (num(n.exclusiveMinimum) ?? -1_000_001) + 1;
  const max = num(n.maximum) ?? (num(n.exclusiveMaximum) ?? 1_000_001) - 1;
  const edges = [min, max, 2 ** 53 + 2, -(2 ** 60), 1e21].filter((v) => v >= min && v <= max);
  return fc.oneof(
    {
      arbitrary: fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }),
      weight: 8,
    },
    ...(edges.length ? [fc.constantFrom(...edges)] : []),
  );
}

function objectArbitrary(spec: unknown, n: Node, depth: number): fc.Arbitrary<unknown> {
  const properties = (n.properties ?? {}) as Record<string, unknown>;
  const required = new Set((n.required as string[] | undefined) ?? []);
  const model = Object.fromEntries(
    Object.entries(properties).map(([k, v]) => [k, schemaArbitrary(spec, v, depth + 1)]),
  );
  for (const name of required) if (!(name in model)) model[name] = fc.jsonValue({ maxDepth: 1 });
  const base = fc.record(model, { requiredKeys: [...required] });
  const extraValue =
    typeof n.additionalProperties === 'object'
      ? schemaArbitrary(spec, n.additionalProperties, depth + 1)
      : fc.jsonValue({ maxDepth: 1 });
  const extras = fc.option(
    fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), extraValue, { maxKeys: 2 }),
    { freq: 4 },
  );
  return fc.tuple(base, extras).map(([value, extra]) => ({ ...(extra ?? {}), ...value }));
}

/** Merges two schema nodes for sampling (`required` lists and `properties` are unioned). */
function merge(a: Node, b: Node): Node {
  const out: Node = { ...a, ...b };
  if (a.required || b.required)
    out.required = [...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])];
  if (a.properties || b.properties)
    out.properties = { ...(a.properties as Node), ...(b.properties as Node) };
  return out;
}

function mergeValues(values: unknown[]): unknown {
  if (values.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v)))
    return Object.assign({}, ...values);
  return values[0];
}
