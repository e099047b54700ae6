/**
 * openapi-typescript 7.13 types an `anyOf`/`oneOf` branch that only asserts (e.g.
 * `anyOf: [{required: [message]}, {required: [attachments]}]`, or `anyOf: [{format: date},
 * {format: date-time}]`) as `unknown`, and `T | unknown` collapses the whole type to `unknown`:
 * any body would then compile. Such branches add no TypeScript shape, so we drop the combinator
 * (on a copy, for type generation only; the validators still enforce it). types-input.ts applies
 * it to each object of the copy.
 */

// Keywords that give a branch a TypeScript shape of its own.
const SHAPE_KEYWORDS = [
  'type',
  'properties',
  'items',
  '$ref',
  'allOf',
  'anyOf',
  'oneOf',
  'const',
  'enum',
  'additionalProperties',
  'prefixItems',
];

/** Drops the `anyOf`/`oneOf` of one object of the copy whose branches all only assert. */
export function dropAssertionOnlyCombinators(record: Record<string, unknown>): void {
  for (const key of ['anyOf', 'oneOf']) {
    const branches = record[key];
    if (Array.isArray(branches) && branches.length > 0 && branches.every(isAssertionOnly))
      delete record[key];
  }
}

function isAssertionOnly(branch: unknown): boolean {
  return (
    typeof branch === 'object' &&
    branch !== null &&
    !SHAPE_KEYWORDS.some((k) => k in (branch as Record<string, unknown>))
  );
}
