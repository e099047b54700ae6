/**
 * `type: [string, "null"]` with `enum: [a, b]` admits only `a` and `b` in JSON Schema (the enum
 * has no null), and the validators say so; openapi-typescript 7.13 types it `"a" | "b" | null`.
 * On the copy used for type generation, `null` is dropped from such a `type`, so the client types
 * and the validators agree. An enum that lists `null` keeps it. types-input.ts applies it to
 * each object of the copy.
 */
export function dropNullOutsideEnum(record: Record<string, unknown>): void {
  const { enum: values, type } = record;
  if (
    Array.isArray(values) &&
    !values.includes(null) &&
    Array.isArray(type) &&
    type.includes('null')
  ) {
    const rest = type.filter((t) => t !== 'null');
    record.type = rest.length === 1 ? rest[0] : rest;
  }
}
