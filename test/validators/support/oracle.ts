/**
 * The oracle: Ajv with the JSON Schema 2020-12 dialect (OpenAPI 3.1's), ajv-formats in full mode,
 * strict mode on, and the OpenAPI-only keywords registered as annotations. The spec itself is
 * added as one schema, so every `$ref` resolves exactly as a 3.1 tool resolves it.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { TargetSource } from '../../../scripts/stages/validators/plan.ts';

const SPEC_ID = 'urn:minbil:car-owner-api';
/** OpenAPI keywords that may sit inside a schema, and the spec's own top-level members. */
const OPENAPI_KEYWORDS = [
  'discriminator',
  'xml',
  'externalDocs',
  'example',
  'components',
  'paths',
  'openapi',
  'info',
  'servers',
  'tags',
  'security',
  'webhooks',
  'jsonSchemaDialect',
];

export type FormatOverrides = Record<string, (value: string) => boolean>;

export class Oracle {
  readonly #ajv: Ajv2020;
  readonly #cache = new Map<string, ValidateFunction>();

  /** `spec` is used as given: pass a relaxed copy for the tolerant (response) oracle. */
  constructor(spec: unknown, formats: FormatOverrides = {}) {
    // strictRequired off: `anyOf: [{required: [a]}, {required: [b]}]` is legal 2020-12 and the spec's idiom.
    this.#ajv = new Ajv2020({
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      validateFormats: true,
    });
    addFormats.default(this.#ajv);
    for (const [name, validate] of Object.entries(formats))
      this.#ajv.addFormat(name, { type: 'string', validate });
    for (const keyword of [...OPENAPI_KEYWORDS, ...extensionKeywords(spec)])
      this.#ajv.addKeyword({ keyword });
    this.#ajv.addSchema({ ...(spec as object), $id: SPEC_ID });
  }

  /** A validator for an exported target: one schema pointer, or an object of parameters. */
  validator(source: TargetSource): ValidateFunction {
    const key = JSON.stringify(
      'pointer' in source
        ? source.pointer
        : source.params.map((p) => [p.name, p.required, p.pointer]),
    );
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const schema =
      'pointer' in source
        ? { $ref: `${SPEC_ID}${source.pointer}` }
        : {
            type: 'object',
            properties: Object.fromEntries(
              source.params.map((p) => [p.name, { $ref: `${SPEC_ID}${p.pointer}` }]),
            ),
            required: source.params.filter((p) => p.required).map((p) => p.name),
          };
    const validate = this.#ajv.compile(schema);
    this.#cache.set(key, validate);
    return validate;
  }

  /** The validator of the schema at `pointer` alone. */
  pointer(pointer: string): ValidateFunction {
    return this.validator({ pointer, schema: undefined });
  }
}

/** The spec with every `additionalProperties: false` removed: what the tolerant variants promise. */
export function relaxUnknownKeys<T>(spec: T): T {
  return JSON.parse(JSON.stringify(spec), (key, value) =>
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    value.additionalProperties === false
      ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'additionalProperties'))
      : value,
  ) as T;
}

/** Every `x-` extension used in the spec: annotations in OpenAPI, so registered as such. */
function extensionKeywords(spec: unknown): Set<string> {
  const found = new Set<string>();
  JSON.stringify(spec, (key, value: unknown) => {
    if (key.startsWith('x-')) found.add(key);
    return value;
  });
  return found;
}
