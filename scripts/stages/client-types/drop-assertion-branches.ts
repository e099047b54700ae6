/**
 * openapi-typescript 7.13 types an `anyOf`/`oneOf` branch that only asserts (e.g.
 * `anyOf: [{required: [message]}, {required: [attachments]}]`, or `anyOf: [{format: date},
 * {format: date-time}]`) as `unknown`, and `T | unknown` collapses the whole type to `unknown`:
 * any body would then compile. Such branches add no TypeScript shape, so we drop the combinator
 * (on a copy, for type generation only; the validators still enforce it).
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

/** Mutates `node` (a structured clone of the spec) in place and returns it. */
export function dropAssertionOnlyBranches<T>(node: T): T {
  if (Array.isArray(node)) {
    node.forEach(dropAssertionOnlyBranches);
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    for (const key of ['anyOf', 'oneOf']) {
      const branches = record[key];
      if (Array.isArray(branches) && branches.length > 0 && branches.every(isAssertionOnly))
        delete record[key];
    }
    Object.values(record).forEach(dropAssertionOnlyBranches);
  }
  return node;
}

function isAssertionOnly(branch: unknown): boolean {
  return (
    typeof branch === 'object' &&
    branch !== null &&
    !SHAPE_KEYWORDS.some((k) => k in (branch as Record<string, unknown>))
  );
}
