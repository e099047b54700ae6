/**
 * A schema without its annotations (the keywords no validator checks), for keys that must change
 * when what a validator does changes and stay put when only documentation changed. Annotations
 * are dropped only where a schema sits (a property named `description` is kept); values of other
 * keywords are kept as they are.
 */
/** Keywords no validator checks: Redocly's ANNOTATION_KEYWORDS in lib/rules/ajv.js. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'example',
  'examples',
  'default',
  'deprecated',
]);
/** Keywords whose value is a schema, a list of schemas or a map of schemas. */
const ONE = ['additionalProperties', 'unevaluatedProperties', 'items', 'additionalItems'];
const ONE_MORE = ['unevaluatedItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema with annotations dropped wherever a schema sits; anything else kept verbatim. */
export function withoutAnnotations(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (ONE.includes(key) || ONE_MORE.includes(key))
      out[key] = Array.isArray(value) ? value.map(withoutAnnotations) : withoutAnnotations(value);
    else if (LIST.includes(key) && Array.isArray(value)) out[key] = value.map(withoutAnnotations);
    else if (MAP.includes(key) && isObject(value))
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, withoutAnnotations(v)]),
      );
    else out[key] = value;
  }
  return out;
}
