/**
 * JSON Schema 2020-12 allows `true` and `false` wherever a schema goes; openapi-typescript expects
 * objects there (it throws on `properties: { x: true }`). This rewrites them in place, before
 * openapi-typescript sees the spec: `true` → `{}` (any value, `unknown`), `false` → `{ not: {} }`
 * (no value, which emit-openapi-types.ts types as `never`). `additionalProperties` and
 * `unevaluated*` keep their booleans: openapi-typescript reads those itself. types-input.ts
 * applies it to each object of the copy.
 */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json =>
  !!v && typeof v === 'object' && !Array.isArray(v);
const ONE_SCHEMA = ['items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'schema'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

const asSchema = (node: unknown): unknown =>
  node === true ? {} : node === false ? { not: {} } : node;

/** Rewrites the boolean schemas directly under `node` (one object of the spec). */
export function rewriteBooleanChildren(node: Json): void {
  for (const key of ONE_SCHEMA) if (typeof node[key] === 'boolean') node[key] = asSchema(node[key]);
  for (const key of SCHEMA_LISTS)
    if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map(asSchema);
  for (const key of SCHEMA_MAPS) {
    const map = node[key];
    if (isObject(map)) for (const name of Object.keys(map)) map[name] = asSchema(map[name]);
  }
}

/** Rewrites `components.schemas` entries that are booleans (what no parent object holds). */
export function rewriteBooleanComponents(doc: unknown): void {
  const components = isObject(doc) ? doc.components : undefined;
  if (isObject(components) && isObject(components.schemas)) {
    const schemas = components.schemas;
    for (const name of Object.keys(schemas)) schemas[name] = asSchema(schemas[name]);
  }
}
