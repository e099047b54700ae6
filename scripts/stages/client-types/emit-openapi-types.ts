/** Runs openapi-typescript through its Node API and prints the AST (no CLI, no disk). */
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import { dropAssertionOnlyBranches } from './drop-assertion-branches.ts';
import { GENERATED_HEADER } from './header.ts';

/** Returns the `paths`, `components` and `operations` types as module source. */
export async function emitOpenapiTypes(spec: OpenAPIV3_1.Document): Promise<string> {
  const input = dropAssertionOnlyBranches(structuredClone(spec));
  const ast = await openapiTS(input as unknown as OpenAPI3, { silent: true });
  return `${GENERATED_HEADER}\n${astToString(ast)}`;
}
