/**
 * Prepares spec schemas for Ajv: drops annotations (descriptions, examples, OpenAPI-only keywords)
 * so no prose from the spec reaches the generated code, and rewrites component `$ref`s to the ids
 * the components are registered under.
 */

type Json = Record<string, unknown>;

export const COMPONENT_ID = 'https://mock.minbil.invalid/schemas/';

const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'externalDocs',
  'xml',
  'discriminator',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentMediaType',
  'contentEncoding',
  '$comment',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
const SCHEMA_ONE = new Set([
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
]);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

function mapValues(obj: Json, fn: (v: unknown) => unknown): Json {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}

/** True for OpenAPI 3.0 documents, whose schemas say `nullable: true` instead of `type: 'null'`. */
export const isOpenApi30 = (spec: { openapi?: unknown }) => String(spec.openapi).startsWith('3.0');

/**
 * `openapi30`: the schema comes from an OpenAPI 3.0 document; `nullable: true` becomes
 * `anyOf: [<schema>, {type: 'null'}]` (JSON Schema has no `nullable`; Ajv's own needs a `type`),
 * and boolean `exclusiveMinimum`/`exclusiveMaximum` the 2020-12 number form.
 */
export function prepareSchema(schema: unknown, openapi30 = false): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const prep = (value: unknown) => prepareSchema(value, openapi30);
  if (openapi30 && 'nullable' in schema) {
    const { nullable, ...rest } = schema as Json;
    const prepared = prep(rest);
    return nullable === true ? { anyOf: [prepared, { type: 'null' }] } : prepared;
  }
  const out: Json = {};
  const source = schema as Json;
  for (const [key, value] of Object.entries(source)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (
      openapi30 &&
      (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') &&
      typeof value === 'boolean'
    ) {
      // OpenAPI 3.0's boolean flag on `minimum`/`maximum` -> JSON Schema's number form
      const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
      if (value && typeof source[bound] === 'number') out[key] = source[bound];
      continue;
    }
    if (
      openapi30 &&
      (key === 'minimum' || key === 'maximum') &&
      source[key === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true
    )
      continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace(/^#\/components\/schemas\//, COMPONENT_ID);
    } else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object') {
      out[key] = mapValues(value as Json, prep);
    } else if (SCHEMA_ONE.has(key)) {
      out[key] = prep(value);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map(prep);
    } else {
      out[key] = value; // validation keywords (enum, const, pattern, required, ...) stay as they are
    }
  }
  return out;
}
