/**
 * Every JSON Schema / OpenAPI keyword the emitter knows, and what it does with it. A keyword in
 * none of these tables fails generation (third-party mode: a warning, and it is ignored, as JSON
 * Schema 2020-12 treats unknown keywords), naming the keyword and its pointer; `x-` extensions are
 * annotations. The package README renders the same decisions as its keyword support table.
 */
import { ValidatorGenerationError } from './errors.ts';

export type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

/** Keywords that apply to instances of one JSON type; the kind function for that type handles them. */
export const KIND_KEYWORDS = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'format'],
  array: [
    'items',
    'prefixItems',
    'contains',
    'minContains',
    'maxContains',
    'minItems',
    'maxItems',
    'uniqueItems',
  ],
  object: [
    'properties',
    'required',
    'additionalProperties',
    'patternProperties',
    'propertyNames',
    'dependentRequired',
    'dependentSchemas',
    'minProperties',
    'maxProperties',
  ],
} as const;

/** Keywords handled by the dispatcher (emit-schema.ts) itself. */
export const STRUCTURAL_KEYWORDS = [
  'type',
  'enum',
  'const',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
  '$ref',
  '$defs',
  'definitions',
  'nullable',
] as const;

/** Annotation-only keywords: validation ignores them by definition, so they are not emitted. */
export const ANNOTATION_KEYWORDS: Readonly<Record<string, string>> = {
  title: 'annotation (JSON Schema 2020-12 section 9.1)',
  description: 'annotation; rendered by the docs site, not emitted',
  $comment: 'comment for spec authors',
  $schema: 'dialect annotation (OpenAPI 3.1 schemas are 2020-12)',
  $id: 'annotation: references resolve by JSON pointer within the OpenAPI document',
  $anchor: 'annotation: references resolve by JSON pointer within the OpenAPI document',
  examples: 'annotation; every example is checked against the validators by the differential test',
  example: 'OpenAPI annotation (deprecated in 3.1); checked like `examples`',
  default: 'annotation: validation never fills in defaults (Ajv runs without useDefaults too)',
  deprecated: 'annotation',
  readOnly: 'annotation: OpenAPI leaves enforcement to the server',
  writeOnly: 'annotation: OpenAPI leaves enforcement to the server',
  contentMediaType: 'annotation in 2020-12 (section 8.5); the value is still checked as a string',
  contentEncoding: 'annotation in 2020-12 (section 8.5)',
  contentSchema: 'annotation in 2020-12 (section 8.5)',
  discriminator: 'OpenAPI hint; the oneOf/anyOf beside it does the validation',
  xml: 'OpenAPI XML serialization hint',
  externalDocs: 'OpenAPI documentation link',
};

/** Formats and how they are enforced. A format in neither table fails generation. */
export const STRING_FORMATS: Readonly<Record<string, string>> = {
  'date-time': 'isDateTime',
  date: 'isDate',
  time: 'isTime',
  duration: 'isDuration',
  email: 'isEmail',
  uuid: 'isUuid',
  uri: 'isUri',
  'uri-reference': 'isUriReference',
  ipv4: 'isIpv4',
  ipv6: 'isIpv6',
  hostname: 'isHostname',
};

/** Formats that constrain nothing (Ajv's ajv-formats also accepts every value for them). */
export const ANNOTATION_FORMATS: Readonly<Record<string, string>> = {
  binary: 'OpenAPI: unchecked string payload',
  byte: 'OpenAPI 3.0: base64 payload, unchecked',
  password: 'OpenAPI: UI hint to mask the value',
  float: 'OpenAPI: any JSON number',
  double: 'OpenAPI: any JSON number',
  int64: 'OpenAPI: any integer (the type already says so)',
};

/** Numeric formats with a range. */
export const NUMBER_FORMATS: Readonly<Record<string, readonly [number, number]>> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
};

const KNOWN = new Set<string>([
  ...STRUCTURAL_KEYWORDS,
  ...Object.values(KIND_KEYWORDS).flat(),
  ...Object.keys(ANNOTATION_KEYWORDS),
]);

/**
 * Throws on the first keyword of `node` the emitter would otherwise drop; with `uncheckable`
 * (third-party mode) reports each and returns.
 */
export function assertKnownKeywords(
  node: Record<string, unknown>,
  pointer: string,
  uncheckable?: (what: string, pointer: string, reason: string) => void,
): void {
  const keys = Object.keys(node);
  const known = (keyword: string) => KNOWN.has(keyword) || keyword.startsWith('x-');
  // nearly every node has only known keywords: sorted (for the report's order) only when not
  if (keys.every(known)) return;
  for (const keyword of keys.sort()) {
    if (known(keyword)) continue;
    if (uncheckable) {
      uncheckable(`keyword ${keyword}`, pointer, 'unknown keyword, ignored as an annotation');
      continue;
    }
    throw new ValidatorGenerationError(
      keyword,
      pointer,
      'keyword not supported by the Zod emitter',
    );
  }
}

/** The kinds whose keywords appear on `node` (`format` alone counts as a string keyword). */
export function kindsWithKeywords(node: Record<string, unknown>): Set<keyof typeof KIND_KEYWORDS> {
  const kinds = new Set<keyof typeof KIND_KEYWORDS>();
  for (const [kind, keywords] of Object.entries(KIND_KEYWORDS)) {
    if (keywords.some((k) => k in node && !(k === 'format' && kind === 'number')))
      kinds.add(kind as keyof typeof KIND_KEYWORDS);
  }
  return kinds;
}
