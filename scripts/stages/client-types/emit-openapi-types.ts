/** Runs openapi-typescript through its Node API and prints the AST (no CLI, no disk). */
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import { dropAssertionOnlyBranches } from './drop-assertion-branches.ts';
import { GENERATED_HEADER } from './header.ts';

/** Returns the `paths`, `components` and `operations` types as module source. */
export async function emitOpenapiTypes(spec: OpenAPIV3_1.Document): Promise<string> {
  const input = dropAssertionOnlyBranches(structuredClone(spec));
  // emptyObjectsUnknown: `type: object` without `properties` admits any object (JSON Schema), so
  // `Record<string, unknown>`, as the validators infer, not openapi-typescript's default `never`.
  const ast = await openapiTS(input as unknown as OpenAPI3, {
    silent: true,
    emptyObjectsUnknown: true,
  });
  return `${GENERATED_HEADER}\n${astToString(ast)}`;
}
