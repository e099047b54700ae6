/**
 * Ajv as the reference JSON Schema validator: the 2020-12 dialect (OpenAPI 3.1's), ajv-formats,
 * and the OpenAPI-only keywords registered so strict mode accepts them. Every component schema of
 * a spec is registered under its own id, so `#/components/schemas/X` references resolve.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ID = 'https://schemas.minbil.no/components/';
const OPENAPI_KEYWORDS = ['example', 'discriminator', 'xml', 'externalDocs'];

const rewriteRefs = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${ID}`));

export interface SpecValidator {
  /** Compile an inline schema from the spec (may reference components). */
  compile(schema: unknown): ValidateFunction;
  /** Validate `value` against `schema`; returns Ajv's error text, or null when valid. */
  errorsFor(schema: unknown, value: unknown): string | null;
}

export function createSpecValidator(spec: {
  components?: { schemas?: Record<string, unknown> };
}): SpecValidator {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  addFormats(ajv);
  for (const keyword of OPENAPI_KEYWORDS) ajv.addKeyword(keyword);
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    ajv.addSchema({ ...(rewriteRefs(schema) as object), $id: `${ID}${name}` });
  }
  const cache = new Map<string, ValidateFunction>();
  const compile = (schema: unknown) => {
    const key = JSON.stringify(schema);
    let fn = cache.get(key);
    if (!fn) cache.set(key, (fn = ajv.compile(rewriteRefs(schema) as object)));
    return fn;
  };
  return {
    compile,
    errorsFor(schema, value) {
      const validate = compile(schema);
      return validate(value) ? null : ajv.errorsText(validate.errors);
    },
  };
}
