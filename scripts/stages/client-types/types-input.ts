/**
 * The spec as openapi-typescript is given it: a copy (openapi-typescript writes into the schemas
 * it patches for discriminators) with our JSON Schema readings applied in one walk over it: each
 * object's boolean schemas become objects (boolean-schemas.ts), then a combinator whose branches
 * only assert is dropped (drop-assertion-branches.ts; it sees the rewritten branches, so
 * `anyOf: [true, false]` goes too) and `null` leaves a `type` its enum excludes (enum-null.ts).
 * One walk rather than one per reading: each was a full walk of the spec (Stripe's: 23, 5 and
 * 4–17 ms). The copy is json-clone.ts's (GitHub's spec: 60–100 ms against 140–330 ms for
 * `structuredClone`).
 */
import type { OpenAPI3 } from 'openapi-typescript';
import { cloneJson } from '../../pipeline/json-clone.ts';
import type { OpenAPIV3_1 } from '../../pipeline/openapi-types.ts';
import { isObject, rewriteBooleanChildren, rewriteBooleanComponents } from './boolean-schemas.ts';
import { dropAssertionOnlyCombinators } from './drop-assertion-branches.ts';
import { dropNullOutsideEnum } from './enum-null.ts';

function visit(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item);
    return;
  }
  if (!isObject(node)) return;
  rewriteBooleanChildren(node);
  dropAssertionOnlyCombinators(node);
  dropNullOutsideEnum(node);
  for (const key in node) visit(node[key]);
}

export function openapiTsInput(spec: OpenAPIV3_1.Document): OpenAPI3 {
  const copy: unknown = cloneJson(spec);
  rewriteBooleanComponents(copy);
  visit(copy);
  return copy as OpenAPI3;
}
