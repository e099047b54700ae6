/**
 * JSON Schema 2020-12 allows `true` and `false` wherever a schema goes; openapi-typescript expects
 * objects there (it throws on `properties: { x: true }`). This rewrites them in place, before
 * openapi-typescript sees the spec: `true` → `{}` (any value, `unknown`), `false` → `{ not: {} }`
 * (no value, which emit-openapi-types.ts types as `never`). `additionalProperties` and
 * `unevaluated*` keep their booleans: openapi-typescript reads those itself.
 */
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const ONE_SCHEMA = ['items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'schema'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

const asSchema = (node: unknown): unknown =>
  node === true ? {} : node === false ? { not: {} } : node;

export function rewriteBooleanSchemas(doc: unknown): void {
  const seen = new WeakSet<object>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    for (const key of ONE_SCHEMA)
      if (typeof node[key] === 'boolean') node[key] = asSchema(node[key]);
    for (const key of SCHEMA_LISTS)
      if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map(asSchema);
    for (const key of SCHEMA_MAPS) {
      const map = node[key];
      if (isObject(map)) for (const name of Object.keys(map)) map[name] = asSchema(map[name]);
    }
    for (const value of Object.values(node)) visit(value);
  };
  const components = isObject(doc) ? doc.components : undefined;
  if (isObject(components) && isObject(components.schemas)) {
    const schemas = components.schemas;
    for (const name of Object.keys(schemas)) schemas[name] = asSchema(schemas[name]);
  }
  visit(doc);
}
