/**
 * Example values for parameters and bodies: the spec's own examples first (media `example`, the
 * first of `examples`, the schema's `example`/`examples`), and a value built from the schema only
 * when the spec gives none.
 */
import { deref, isObject, resolveSchema, type Doc, type SchemaNode } from './resolve.ts';

const MAX_DEPTH = 6;

/** The first explicit example of a schema node, if it has one. */
function explicitExample(node: SchemaNode): { value: unknown } | undefined {
  if (node.example !== undefined) return { value: node.example };
  if (Array.isArray(node.examples) && node.examples.length) return { value: node.examples[0] };
  if (node.default !== undefined) return { value: node.default };
  if (node.const !== undefined) return { value: node.const };
  if (Array.isArray(node.enum) && node.enum.length) return { value: node.enum[0] };
  return undefined;
}

function firstType(node: SchemaNode): string | undefined {
  if (typeof node.type === 'string') return node.type;
  if (Array.isArray(node.type)) return node.type.find((t) => t !== 'null') as string | undefined;
  if (isObject(node.properties)) return 'object';
  if (node.items) return 'array';
  return undefined;
}

const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2026-02-12T10:00:00Z',
  date: '2026-02-12',
  email: 'user@example.com',
  uri: 'https://example.com',
  uuid: 'f59ee325-0445-4bd0-9bf1-73edcd7da151',
  binary: '<file>',
};

/**
 * Each schema's built example per depth: a large spec reaches the same schemas from many
 * operations (Stripe's `customer` from hundreds), and each was built again to six levels. The
 * values are shared, never edited: pages and snippets only serialize them.
 */
const built = new WeakMap<object, Map<number, unknown>>();
/** The same, by `$ref` string, for bare references (each operation has its own `{ $ref }`). */
const builtRefs = new WeakMap<Doc, Map<string, Map<number, unknown>>>();

const isBareRef = (schema: Record<string, unknown>) => {
  for (const key in schema) if (key !== '$ref') return false;
  return typeof schema.$ref === 'string';
};

/** A value that fits the schema, built from its examples, defaults and types. */
export function exampleFromSchema(doc: Doc, schema: unknown, depth = 0): unknown {
  if (!isObject(schema)) return buildExample(doc, schema, depth);
  let byDepth: Map<number, unknown> | undefined;
  if (isBareRef(schema)) {
    // a bare `$ref` builds what its target builds: one value for every operation that returns it
    let refs = builtRefs.get(doc);
    if (!refs) builtRefs.set(doc, (refs = new Map()));
    byDepth = refs.get(schema.$ref as string);
    if (!byDepth) refs.set(schema.$ref as string, (byDepth = new Map()));
  } else {
    byDepth = built.get(schema);
    if (!byDepth) built.set(schema, (byDepth = new Map()));
  }
  if (!byDepth.has(depth)) byDepth.set(depth, buildExample(doc, schema, depth));
  return byDepth.get(depth);
}

function buildExample(doc: Doc, schema: unknown, depth: number): unknown {
  const { node } = resolveSchema(doc, schema);
  const explicit = explicitExample(node);
  if (explicit) return explicit.value;
  if (depth > MAX_DEPTH) return null;
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const parts = node[key];
    if (!Array.isArray(parts) || !parts.length) continue;
    if (key !== 'allOf') return exampleFromSchema(doc, parts[0], depth + 1);
    const merged: Record<string, unknown> = {};
    for (const part of parts) {
      const value = exampleFromSchema(doc, part, depth + 1);
      if (isObject(value)) Object.assign(merged, value);
    }
    return merged;
  }
  switch (firstType(node)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = isObject(node.properties) ? node.properties : {};
      for (const [key, prop] of Object.entries(props))
        out[key] = exampleFromSchema(doc, prop, depth + 1);
      return out;
    }
    case 'array':
      return node.items === undefined ? [] : [exampleFromSchema(doc, node.items, depth + 1)];
    case 'integer':
    case 'number':
      return typeof node.minimum === 'number' ? node.minimum : 1;
    case 'boolean':
      return true;
    case 'string':
      return FORMAT_SAMPLES[String(node.format)] ?? 'string';
    default:
      return null;
  }
}

/** The example of a media type object; `undefined` when neither the spec nor a schema gives one. */
export function mediaExample(doc: Doc, media: Record<string, unknown> | undefined): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  if (isObject(media.examples)) {
    const first = Object.values(media.examples)[0];
    const resolved = deref<Record<string, unknown>>(doc, first);
    if (resolved && resolved.value !== undefined) return resolved.value;
  }
  return media.schema === undefined ? undefined : exampleFromSchema(doc, media.schema);
}

/** The example of a parameter: its own, then its first `examples`, then its schema's. */
export function parameterExample(doc: Doc, param: Record<string, unknown>): unknown {
  if (param.example !== undefined) return param.example;
  if (isObject(param.examples)) {
    const resolved = deref<Record<string, unknown>>(doc, Object.values(param.examples)[0]);
    if (resolved && resolved.value !== undefined) return resolved.value;
  }
  return exampleFromSchema(doc, param.schema);
}
