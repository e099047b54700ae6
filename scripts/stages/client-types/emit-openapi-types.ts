/** Runs openapi-typescript through its Node API and prints the AST (no CLI, no disk). */
import openapiTS, {
  astToString,
  NEVER,
  NULL,
  type OpenAPI3,
  type SchemaObject,
} from 'openapi-typescript';
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import { rewriteBooleanSchemas } from './boolean-schemas.ts';
import { dropAssertionOnlyBranches } from './drop-assertion-branches.ts';
import { dropNullOutsideEnum } from './enum-null.ts';
import { GENERATED_HEADER } from './header.ts';

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

/** Returns the `paths`, `components` and `operations` types as module source. */
export async function emitOpenapiTypes(spec: OpenAPIV3_1.Document): Promise<string> {
  const copy = structuredClone(spec);
  rewriteBooleanSchemas(copy);
  const input = dropNullOutsideEnum(dropAssertionOnlyBranches(copy));
  // emptyObjectsUnknown: `type: object` without `properties` admits any object (JSON Schema), so
  // `Record<string, unknown>`, as the validators infer, not openapi-typescript's default `never`.
  // defaultNonNullable: false: a property with a `default` that is not `required` may be absent
  // from a message (the default is the reader's business), so it stays optional, as in Zod.
  const ast = await openapiTS(input as unknown as OpenAPI3, {
    silent: true,
    emptyObjectsUnknown: true,
    defaultNonNullable: false,
    transform: agreeWithJsonSchema,
  });
  return `${GENERATED_HEADER}\n${astToString(ast)}`;
}
