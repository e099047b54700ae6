/**
 * Runs openapi-typescript's transform through its Node API and prints the AST (no CLI, no disk).
 * `openapiTS()` itself first lints and bundles its input again with its own Redocly (1.x, the
 * `minimal` rules): our lint+bundle stage has already done both, so that second pass is only
 * cost (3.4 of 6.1 s on GitHub's spec, 0.12 of 0.23 s per save on Car Owner). This module calls
 * the transform `openapiTS()` ends with, on the context `openapiTS()` builds for these options;
 * test/client/openapi-types-transform.test.ts proves the output equal to `openapiTS()`'s.
 */
import type { GlobalContext, OpenAPI3, OpenAPITSOptions, SchemaObject } from 'openapi-typescript';
import type ts from 'typescript';
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import { printTypes } from '../../pipeline/print-types.ts';
import type { GeneratedFile } from '../../pipeline/stage.ts';
import { GENERATED_HEADER } from './header.ts';
import { typeNegativeLiteralArrays } from './negative-literal-arrays.ts';
import { openapiTsInput } from './types-input.ts';
// The package's index loads its Redocly 1.x whole for openapiTS() (0.2 s of start-up); these
// are the modules the index re-exports, bundled (openapi-typescript-parts.ts)
import { openapiTypescript } from './openapi-typescript-parts.ts';

const { astToString, NEVER, NULL, resolveRef, scanDiscriminators, transformSchema } =
  openapiTypescript;

const ANNOTATIONS = new Set(['not', 'description', 'title', 'deprecated']);

/**
 * Constructs openapi-typescript types differently from the validators, typed as JSON Schema means
 * them: `const: null` is `null` (not `unknown`), and `{ not: {} }` (what a `false` boolean schema
 * becomes, scripts/spec-mode/prepare.ts) admits no value, so `never`.
 */
function agreeWithJsonSchema(schema: SchemaObject) {
  const s = schema as Record<string, unknown>;
  if ('const' in s && s.const === null) return NULL;
  const not = s.not;
  if (
    not &&
    typeof not === 'object' &&
    !Object.keys(not).length &&
    Object.keys(s).every((k) => ANNOTATIONS.has(k))
  )
    return NEVER;
  return undefined;
}

// emptyObjectsUnknown: `type: object` without `properties` admits any object (JSON Schema), so
// `Record<string, unknown>`, as the validators infer, not openapi-typescript's default `never`.
// defaultNonNullable: false: a property with a `default` that is not `required` may be absent
// from a message (the default is the reader's business), so it stays optional, as in Zod.
export const OPENAPI_TS_OPTIONS = {
  silent: true,
  emptyObjectsUnknown: true,
  defaultNonNullable: false,
  transform: agreeWithJsonSchema,
} satisfies OpenAPITSOptions;

/** `openapiTS()`'s context for OPENAPI_TS_OPTIONS (openapi-typescript 7.13, src/index.ts). */
function contextFor(schema: OpenAPI3): GlobalContext {
  const o = OPENAPI_TS_OPTIONS;
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: o.defaultNonNullable,
    discriminators: scanDiscriminators(schema, o),
    emptyObjectsUnknown: o.emptyObjectsUnknown,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // read only by openapiTS()'s lint+bundle, which this module does not run
    redoc: undefined as unknown as GlobalContext['redoc'],
    silent: o.silent,
    inject: undefined,
    transform: o.transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: o.silent }),
  };
}

/** openapi-typescript's AST for the spec, as its transform returns it. */
function transformedAst(spec: OpenAPIV3_1.Document): ts.Node[] {
  const input = openapiTsInput(spec);
  return transformSchema(input, contextFor(input));
}

/** openapi-typescript's declarations for the spec (`paths`, `components`, `operations`, …). */
export function openapiTsNodes(spec: OpenAPIV3_1.Document): ts.Node[] {
  return typeNegativeLiteralArrays(transformedAst(spec));
}

/** Returns the `paths`, `components` and `operations` types as the TypeScript printer writes them. */
export function emitOpenapiTypes(spec: OpenAPIV3_1.Document): string {
  return `${GENERATED_HEADER}\n${astToString(openapiTsNodes(spec))}`;
}

/**
 * The types module as it is written: printed in Prettier's layout straight from the AST
 * (print-types.ts, `formatted`), or, where that printer is unsure, the TypeScript printer's text
 * for Prettier to format.
 */
export function emitOpenapiTypesModule(spec: OpenAPIV3_1.Document): Omit<GeneratedFile, 'path'> {
  const ast = transformedAst(spec);
  // print-types.ts is unsure of the `-1[]` that typeNegativeLiteralArrays respells, and such an
  // array is rare: the transform (a walk of the whole AST, 12-48 ms) runs only when it is needed
  const first = printTypes(ast);
  if (first !== undefined) return { content: `${GENERATED_HEADER}\n${first}`, formatted: true };
  const nodes = typeNegativeLiteralArrays(ast);
  const printed = printTypes(nodes);
  if (printed !== undefined) return { content: `${GENERATED_HEADER}\n${printed}`, formatted: true };
  return { content: `${GENERATED_HEADER}\n${astToString(nodes)}` };
}
