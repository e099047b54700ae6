/** `$ref` helpers over the bundled spec (all refs are local: `#/components/<kind>/<Name>`). */
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';

export type Doc = OpenAPIV3_1.Document;
/** A JSON Schema node as it appears in the bundle (kept loose: specs are untrusted input). */
export type SchemaNode = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Each document's resolved pointers: the pages follow the same `$ref`s over and over (on Stripe
 * the walks were a tenth of the docs stage). The bundle is read-only here.
 */
const resolved = new WeakMap<Doc, Map<string, unknown>>();

/** The value at a local JSON pointer (`#/a/b~1c`), or undefined. */
export function pointer(doc: Doc, ref: string): unknown {
  let known = resolved.get(doc);
  if (!known) resolved.set(doc, (known = new Map()));
  if (known.has(ref)) return known.get(ref);
  const value = walkPointer(doc, ref);
  known.set(ref, value);
  return value;
}

function walkPointer(doc: Doc, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** `Booking` for `#/components/schemas/Booking`; undefined for other refs. */
export function schemaRefName(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  return m ? m[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/**
 * Follows `$ref` chains (responses, examples, headers, parameters, request bodies). Sibling
 * `summary`/`description` override the target's, as OpenAPI 3.1 allows. Cycles stop the walk.
 */
export function deref<T = Record<string, unknown>>(doc: Doc, value: unknown): T | undefined {
  let node = value;
  const seen = new Set<string>();
  let overrides: Record<string, unknown> | undefined;
  while (isObject(node) && typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) return undefined;
    seen.add(node.$ref);
    for (const key of ['summary', 'description'])
      if (node[key] !== undefined && overrides?.[key] === undefined)
        (overrides ??= {})[key] = node[key];
    node = pointer(doc, node.$ref);
  }
  if (!isObject(node)) return undefined;
  // the node itself when nothing overrides it (callers only read): no copy per lookup
  return (overrides ? { ...node, ...overrides } : node) as T;
}

/** A schema with its `$ref` (if any) followed one or more steps; the original name kept. */
export function resolveSchema(doc: Doc, schema: unknown): { name?: string; node: SchemaNode } {
  const name = isObject(schema) ? schemaRefName(schema.$ref) : undefined;
  const node = deref<SchemaNode>(doc, schema) ?? {};
  return name ? { name, node } : { node };
}

export { isObject };
